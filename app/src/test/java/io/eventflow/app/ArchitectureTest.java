package io.eventflow.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries that the POMs cannot express on their own. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventflow");
    }

    @Test
    void modelSimulatorAndLiveHaveNoJavaFx() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("io.eventflow.model..", "io.eventflow.simulator..", "io.eventflow.live..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..");
        rule.check(classes);
    }

    @Test
    void modelDoesNotDependOnSimulatorOrApp() {
        noClasses()
                .that()
                .resideInAPackage("io.eventflow.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.eventflow.simulator..", "io.eventflow.app..")
                .check(classes);
    }

    @Test
    void simulatorDoesNotDependOnApp() {
        noClasses()
                .that()
                .resideInAPackage("io.eventflow.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.eventflow.app..")
                .check(classes);
    }

    @Test
    void libraryCodeDoesNotPrintToTheConsole() {
        // Only the command line writes data to stdout (through picocli's writers); everything else logs.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.eventflow.app.cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }

    @Test
    void appDoesNotReachIntoSimulatorInternals() {
        noClasses()
                .that()
                .resideInAPackage("io.eventflow.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.eventflow.simulator..internal..")
                .check(classes);
    }

    @Test
    void liveDependsOnNeitherAppNorSimulatorInternals() {
        noClasses()
                .that()
                .resideInAPackage("io.eventflow.live..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.eventflow.app..", "io.eventflow.simulator..internal..")
                .check(classes);
    }

    @Test
    void appDoesNotReachIntoLiveInternals() {
        noClasses()
                .that()
                .resideInAPackage("io.eventflow.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.eventflow.live.internal..", "io.eventflow.live.kafka..")
                .check(classes);
    }
}
