package org.aapf.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of STYLE.md, enforced on the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.aapf");
    }

    @Test
    void dependenciesPointInward() {
        ArchRule rule = onionArchitecture()
                .domainModels("org.aapf.domain..")
                .applicationServices("org.aapf.application..")
                .adapter("http", "org.aapf.adapter.in.http..")
                .adapter("persistence", "org.aapf.adapter.out.persistence..")
                .adapter("security", "org.aapf.adapter.out.security..")
                .adapter("docker", "org.aapf.adapter.out.docker..")
                .adapter("kubernetes", "org.aapf.adapter.out.k8s..")
                .withOptionalLayers(true);
        rule.check(classes);
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("org.aapf.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.aapf.domain..", "java..")
                .check(classes);
    }

    @Test
    void applicationUsesNoFrameworkOrClientLibrary() {
        classes().that().resideInAPackage("org.aapf.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.aapf.domain..", "org.aapf.application..", "java..", "jakarta.inject..")
                .check(classes);
    }

    @Test
    void domainHasNoAnnotationsOfFrameworks() {
        noClasses().that().resideInAPackage("org.aapf.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax..", "dagger..")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith("jakarta.inject.Inject").check(classes);
    }

    @Test
    void noStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("log with System.Logger; the CLI prints through picocli's writers")
                .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "org.aapf.bootstrap.cli"))));
    }

    @Test
    void adaptersDoNotUseEachOther() {
        String[] adapters = {"org.aapf.adapter.in.http..", "org.aapf.adapter.out.persistence..",
            "org.aapf.adapter.out.security..", "org.aapf.adapter.out.docker..", "org.aapf.adapter.out.k8s.."};
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void noTestDoublesInProductionCode() {
        noClasses().should().haveSimpleNameStartingWith("Fake")
                .orShould().haveSimpleNameStartingWith("InMemory")
                .check(classes);
    }
}
