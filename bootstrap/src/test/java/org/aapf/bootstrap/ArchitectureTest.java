package org.aapf.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
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
                .importPackages("org.aapf")
                // Dagger writes its factories into the packages of the classes it builds; they are wiring, not code.
                .that(DescribedPredicate.not(CanBeAnnotated.Predicates.annotatedWith("dagger.internal.DaggerGenerated")));
    }

    /** Includes "adapters never use each other": the onion rule lets an adapter depend only on inner layers. */
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
                .adapter("metrics", "org.aapf.adapter.out.metrics..")
                .adapter("spark", "org.aapf.adapter.out.spark..")
                .withOptionalLayers(true)
                // bootstrap and embedded sit outside the onion: they wire every layer together.
                .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("org.aapf.bootstrap..", "org.aapf.embedded.."),
                        DescribedPredicate.alwaysTrue());
        rule.check(classes);
    }

    /** Adapters drive or serve the application through its ports, never by reaching into a service. */
    @Test
    void adaptersUseTheApplicationOnlyThroughItsPorts() {
        noClasses().that().resideInAPackage("org.aapf.adapter..")
                .should().dependOnClassesThat().resideInAPackage("org.aapf.application.service..")
                .check(classes);
    }

    /** An inbound adapter calls use cases (in-ports); what the application calls out to is none of its business. */
    @Test
    void inboundAdaptersDoNotUseOutboundPorts() {
        noClasses().that().resideInAPackage("org.aapf.adapter.in..")
                .should().dependOnClassesThat().resideInAPackage("org.aapf.application.port.out..")
                .check(classes);
    }

    /** Ports are the application's contract: they name no service that implements or uses them. */
    @Test
    void portsDoNotDependOnServices() {
        noClasses().that().resideInAPackage("org.aapf.application.port..")
                .should().dependOnClassesThat().resideInAPackage("org.aapf.application.service..")
                .check(classes);
    }

    /** Services are built and started by the wiring (embedded, bootstrap); everything else sees only their ports. */
    @Test
    void servicesAreUsedOnlyByServicesAndTheWiring() {
        classes().that().resideInAPackage("org.aapf.application.service..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("org.aapf.application.service..",
                        "org.aapf.embedded..", "org.aapf.bootstrap..")
                .check(classes);
    }

    /** What an embedding host calls is the application's in-ports, grouped; nothing it could misuse. */
    @Test
    void embeddedUseCaseGroupsExposeOnlyInPorts() {
        classes().that().resideInAPackage("org.aapf.embedded.usecases..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.aapf.embedded.usecases..",
                        "org.aapf.application.port.in..", "java..")
                .check(classes);
    }

    /** No two packages need each other, in any module (bootstrap and embedded included). */
    @Test
    void noPackageCycles() {
        slices().matching("org.aapf.(**)").should().beFreeOfCycles().check(classes);
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
                .because("log with System.Logger; the CLI prints through picocli's writers; the console log handler"
                        + " is where logging meets stderr")
                .check(classes.that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                        "org.aapf.bootstrap.cli").or(JavaClass.Predicates.equivalentTo(AsyncConsoleHandler.class)))));
    }

    @Test
    void noTestDoublesInProductionCode() {
        noClasses().should().haveSimpleNameStartingWith("Fake")
                .orShould().haveSimpleNameStartingWith("InMemory")
                .check(classes);
    }
}
