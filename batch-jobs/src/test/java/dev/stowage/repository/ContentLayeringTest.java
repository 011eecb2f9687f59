package dev.stowage.repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers inside the engine's lower half, bottom-up: crypto, compress and chunk; then pack; then
 * index; then content. BlobId and BlobType are value types of the content seam that packs and indexes
 * record, so those two (and nothing else of content) may be used below it.
 */
class ContentLayeringTest {

    private static JavaClasses classes;
    private static final DescribedPredicate<JavaClass> CONTENT_BEHAVIOUR =
            JavaClass.Predicates.resideInAPackage("dev.stowage.repository.content")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(BlobId.class, BlobType.class)))
                    .as("content classes other than BlobId and BlobType");

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stowage.repository");
    }

    @Test
    void primitivesImportNoHigherLayer() {
        noClasses().that().resideInAnyPackage("..repository.crypto..", "..repository.compress..",
                        "..repository.chunk..")
                .should().dependOnClassesThat().resideInAnyPackage("..repository.pack..", "..repository.index..",
                        "..repository.content..", "..repository.snapshot..")
                .check(classes);
    }

    @Test
    void packsKnowNothingOfIndexesOrTheContentLayer() {
        noClasses().that().resideInAPackage("..repository.pack..")
                .should().dependOnClassesThat().resideInAnyPackage("..repository.index..", "..repository.snapshot..")
                .orShould().dependOnClassesThat(CONTENT_BEHAVIOUR)
                .check(classes);
    }

    @Test
    void indexKnowsNothingOfTheContentLayer() {
        noClasses().that().resideInAPackage("..repository.index..")
                .should().dependOnClassesThat(CONTENT_BEHAVIOUR)
                .orShould().dependOnClassesThat().resideInAPackage("..repository.snapshot..")
                .check(classes);
    }
}
