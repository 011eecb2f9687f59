package dev.stowage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/ARCHITECTURE.md, stated as rules: store → repository → kube → jobs. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stowage");
    }

    @Test
    void storeAndRepositoryImportNoSpring() {
        noClasses().that().resideInAnyPackage("dev.stowage.store..", "dev.stowage.repository..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void storeAndRepositoryImportNoKubernetesClient() {
        noClasses().that().resideInAnyPackage("dev.stowage.store..", "dev.stowage.repository..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..")
                .check(classes);
    }

    @Test
    void storeNeverImportsRepository() {
        noClasses().that().resideInAPackage("dev.stowage.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.stowage.repository..")
                .check(classes);
    }

    @Test
    void lowerLayersNeverImportJobsOrKube() {
        noClasses().that().resideInAnyPackage("dev.stowage.store..", "dev.stowage.repository..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stowage.jobs..", "dev.stowage.kube..")
                .check(classes);
    }

    @Test
    void kubeNeverImportsJobs() {
        noClasses().that().resideInAPackage("dev.stowage.kube..")
                .should().dependOnClassesThat().resideInAPackage("dev.stowage.jobs..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void batchJobsNeverImportsLauncher() {
        noClasses().that().resideInAPackage("dev.stowage..")
                .should().dependOnClassesThat().resideInAPackage("dev.stowage.launcher..")
                .check(classes);
    }
}
