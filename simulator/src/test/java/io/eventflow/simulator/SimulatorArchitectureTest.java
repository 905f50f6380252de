package io.eventflow.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's two boundaries: the public API that other modules use (held from their side by the app's
 * ArchitectureTest), and the broker contract, through which a broker runtime sees the run.
 */
class SimulatorArchitectureTest {
    /** The packages other modules may use: Simulation, snapshots, the pacer, trace, scenario, report and sweep. */
    static final List<String> API = List.of(
            "io.eventflow.simulator",
            "io.eventflow.simulator.trace",
            "io.eventflow.simulator.scenario",
            "io.eventflow.simulator.report",
            "io.eventflow.simulator.sweep");

    /**
     * What a broker runtime may use of the engine: the contract (the context it is given, the runtime interface and
     * its provider) and the runtime elements the contract is written in. Not Engine, Processing, the kernel, ...
     */
    static final Set<String> CONTRACT = Set.of(
            "io.eventflow.simulator.internal.BrokerContext",
            "io.eventflow.simulator.internal.BrokerRuntime",
            "io.eventflow.simulator.internal.BrokerKindProvider",
            "io.eventflow.simulator.internal.DesignProblems",
            "io.eventflow.simulator.kernel.Event",
            "io.eventflow.simulator.kernel.SimContext",
            "io.eventflow.simulator.internal.Plan",
            "io.eventflow.simulator.internal.SimChannel",
            "io.eventflow.simulator.internal.SimGroup",
            "io.eventflow.simulator.internal.SimService",
            "io.eventflow.simulator.internal.Member",
            "io.eventflow.simulator.internal.Worker",
            "io.eventflow.simulator.internal.Instance",
            "io.eventflow.simulator.internal.Producer",
            "io.eventflow.simulator.internal.Link",
            "io.eventflow.simulator.internal.Msg",
            "io.eventflow.simulator.internal.MsgState",
            "io.eventflow.simulator.internal.MsgLog",
            "io.eventflow.simulator.internal.StateTable",
            "io.eventflow.simulator.internal.IntRing");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventflow.simulator");
    }

    @Test
    void brokerRuntimesSeeTheRunOnlyThroughTheContract() {
        classes()
                .that()
                .resideInAPackage("io.eventflow.simulator.broker.internal..")
                .should()
                .onlyDependOnClassesThat(
                        new DescribedPredicate<JavaClass>("are outside the simulator, in the runtimes'"
                                + " own package, the trace or random streams, or part of the broker contract") {
                            @Override
                            public boolean test(JavaClass type) {
                                // by name, so that arrays ([Lpkg.Member;) and nested classes (Plan$Broker) count
                                String name = type.getName()
                                        .replaceAll("^\\[+L|;$", "")
                                        .replaceAll("\\$.*", "");
                                String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
                                if (!pkg.startsWith("io.eventflow.simulator")) {
                                    return true;
                                }
                                return pkg.equals("io.eventflow.simulator.broker.internal")
                                        || pkg.equals("io.eventflow.simulator.trace")
                                        || pkg.equals("io.eventflow.simulator.random")
                                        || CONTRACT.contains(name);
                            }
                        })
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // the API (Simulation) uses the engine and the registry of kinds; the engine is given the registry and sees
        // the runtimes only through their contract (BrokerKindProvider, BrokerRuntime, BrokerContext); the runtimes
        // use the contract: no package of the simulator depends back on one that depends on it
        slices().matching("io.eventflow.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePublicApiDoesNotExposeInternals() {
        // a public method of a public API class takes and returns only API, model and JDK types, so other modules
        // never need an internal type to call it
        methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat(DescribedPredicate.describe(
                        "are public API classes",
                        c -> API.contains(c.getPackageName())
                                && outermost(c).getModifiers().contains(JavaModifier.PUBLIC)))
                .should(new ArchCondition<JavaMethod>("take and return only API, model and JDK types") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        List<JavaClass> types = new java.util.ArrayList<>(m.getRawParameterTypes());
                        types.add(m.getRawReturnType());
                        for (JavaClass t : types) {
                            JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                            if (base.getPackageName().startsWith("io.eventflow.simulator")
                                    && !API.contains(base.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(
                                        m, m.getFullName() + " exposes the internal type " + base.getName()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass o = c;
        while (o.getEnclosingClass().isPresent()) {
            o = o.getEnclosingClass().get();
        }
        return o;
    }
}
