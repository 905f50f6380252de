package io.eventflow.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries that the POMs cannot express on their own. */
class ArchitectureTest {
    private static final Set<String> SIMULATOR_API = Set.of(
            "io.eventflow.simulator",
            "io.eventflow.simulator.trace",
            "io.eventflow.simulator.scenario",
            "io.eventflow.simulator.report",
            "io.eventflow.simulator.sweep",
            // the design's delay and backoff distributions and the seeded streams: live mode draws its producers'
            // gaps and consumers' processing times from the same ones the simulator uses
            "io.eventflow.simulator.random");

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
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are live classes outside its API (io.eventflow.live, io.eventflow.live.run,"
                                + " io.eventflow.live.calibration)",
                        c -> c.getPackageName().startsWith("io.eventflow.live.")
                                && !c.getPackageName().equals("io.eventflow.live.run")
                                && !c.getPackageName().equals("io.eventflow.live.calibration")))
                .check(classes);
    }

    @Test
    void otherModulesUseOnlyTheSimulatorsPublicApi() {
        // Simulation, snapshots, the pacer (package io.eventflow.simulator), trace, scenario, report and sweep, and
        // the failure a run ends with; the kernel, random streams, broker contract and runtimes are the simulator's own
        noClasses()
                .that()
                .resideOutsideOfPackage("io.eventflow.simulator..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are simulator classes outside its public API",
                        c -> c.getPackageName().startsWith("io.eventflow.simulator")
                                && !SIMULATOR_API.contains(c.getPackageName())
                                && !c.getName().equals("io.eventflow.simulator.kernel.SimFailedException")))
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // One slice per package (io.eventflow.app.shell, io.eventflow.model.edit, ...): no two packages may depend on
        // each other, directly or through others (the simulator's own packages too: SimulatorArchitectureTest).
        slices().matching("io.eventflow.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theInspectorSetsFieldsWithTypedSettersNotReflection() {
        noClasses()
                .that()
                .resideInAPackage("io.eventflow.app.inspector..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.lang.reflect..")
                .orShould()
                .callMethod(Class.class, "getRecordComponents")
                .check(classes);
    }
}
