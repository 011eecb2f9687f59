package dev.stowage.repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the engine's upper half: content below snapshot (trees, manifests), below the
 * operations (archive, restore, check, documents), below the facade. The operations share only
 * {@code operation} (progress, worker pools) and never use one another; nothing under the facade
 * uses the facade's entry points, only its records and exceptions.
 */
class EngineLayeringTest {
    private static final String[] BELOW_SNAPSHOT = {"..repository.crypto..", "..repository.compress..",
            "..repository.chunk..", "..repository.pack..", "..repository.index..", "..repository.content.."};
    private static final String[] ABOVE_CONTENT = {"..repository.snapshot..", "..repository.archive..",
            "..repository.restore..", "..repository.check..", "..repository.documents..",
            "..repository.operation.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stowage.repository");
    }

    @Test
    void contentLayerKnowsNothingAboveIt() {
        noClasses().that().resideInAnyPackage(BELOW_SNAPSHOT)
                .should().dependOnClassesThat().resideInAnyPackage(ABOVE_CONTENT)
                .check(classes);
    }

    @Test
    void snapshotLayerKnowsNoOperation() {
        noClasses().that().resideInAnyPackage("..repository.snapshot..", "..repository.operation..")
                .should().dependOnClassesThat().resideInAnyPackage("..repository.archive..",
                        "..repository.restore..", "..repository.check..", "..repository.documents..")
                .check(classes);
    }

    @Test
    void operationsDoNotUseOneAnother() {
        String[] operations = {"archive", "restore", "check", "documents"};
        for (String operation : operations) {
            for (String other : operations) {
                if (!operation.equals(other)) {
                    noClasses().that().resideInAPackage("..repository." + operation + "..")
                            .should().dependOnClassesThat().resideInAPackage("..repository." + other + "..")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void nothingUnderTheFacadeUsesItsEntryPoints() {
        noClasses().that().resideInAnyPackage(BELOW_SNAPSHOT).or().resideInAnyPackage(ABOVE_CONTENT)
                .should().dependOnClassesThat().belongToAnyOf(Repository.class, Repositories.class,
                        EngineRepository.class)
                .check(classes);
    }
}
