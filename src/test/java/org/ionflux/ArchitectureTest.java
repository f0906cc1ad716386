package org.ionflux;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes with ArchUnit: data flows one way, scenario -> model ->
 * physics -> mechanism -> solver -> output -> workflow -> cli and the public API; physics knows nothing of the
 * project nor of files; the command line knows no equations; the public API ({@code org.ionflux}) shows no
 * internal type, so a user needs nothing else.
 */
class ArchitectureTest {

    private static final String INTERNAL = "org.ionflux.internal..";
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ionflux");
    }

    @Test
    void physicsImportsNothingOfTheProjectAndNoInputOutput() {
        classes().that().resideInAPackage("..internal.physics..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..internal.physics..", "java.lang..",
                        "java.util..")
                .check(engine);
    }

    @Test
    void theModelIsPlainData() {
        noClasses().that().resideInAPackage("..internal.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "com.fasterxml..",
                        "org.apache.commons.math3..", "..internal.scenario..", "..internal.mechanism..",
                        "..internal.solver..", "..internal.output..", "..internal.workflow..", "..internal.cli..")
                .check(engine);
    }

    @Test
    void dataFlowsOneWay() {
        noClasses().that().resideInAPackage("..internal.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.mechanism..", "..internal.solver..",
                        "..internal.output..", "..internal.workflow..", "..internal.cli..",
                        "org.apache.commons.math3..")
                .check(engine);
        noClasses().that().resideInAPackage("..internal.mechanism..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.scenario..", "..internal.solver..",
                        "..internal.output..", "..internal.workflow..", "..internal.cli..", "java.io..", "java.nio..",
                        "com.fasterxml..", "org.apache.commons.math3..")
                .check(engine);
        noClasses().that().resideInAPackage("..internal.solver..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.scenario..", "..internal.output..",
                        "..internal.workflow..", "..internal.cli..", "java.nio..", "com.fasterxml..", "java.awt..")
                .check(engine);
        noClasses().that().resideInAPackage("..internal.output..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.workflow..", "..internal.cli..",
                        "org.apache.commons.math3..")
                .check(engine);
        noClasses().that().resideInAPackage("..internal.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.cli..")
                .check(engine);
    }

    /**
     * {@code steady} sits beside the run: it uses the solver, mechanism, model and physics packages and the output
     * package's trace columns; the packages it uses and the reader never use it.
     */
    @Test
    void theSteadyStateSitsAboveTheEquations() {
        noClasses().that().resideInAnyPackage("..internal.solver..", "..internal.mechanism..", "..internal.model..",
                        "..internal.physics..", "..internal.scenario..", "..internal.output..")
                .should().dependOnClassesThat().resideInAPackage("..internal.steady..")
                .check(engine);
        noClasses().that().resideInAPackage("..internal.steady..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.scenario..", "..internal.workflow..",
                        "..internal.cli..", "java.nio..", "com.fasterxml..")
                .check(engine);
    }

    @Test
    void sweepsSitOnTopOfTheRunWorkflow() {
        // a sweep composes runs; nothing below it (a run, the outputs, the solver, the reader) knows sweeps
        noClasses().that().resideOutsideOfPackages("..internal.workflow.sweep..", "..internal.cli..", "org.ionflux")
                .should().dependOnClassesThat().resideInAPackage("..internal.workflow.sweep..")
                .check(engine);
    }

    @Test
    void internalPackagesUseOnlyTheApisExceptionTypes() {
        noClasses().that().resideInAPackage(INTERNAL)
                .should().dependOnClassesThat(DescribedPredicate.describe("API types other than ScenarioException "
                        + "and Problem", c -> c.getPackageName().equals("org.ionflux")
                        && !c.getSimpleName().equals("ScenarioException") && !c.getSimpleName().equals("Problem")))
                .check(engine);
    }

    @Test
    void theCommandLineKnowsNoEquations() {
        noClasses().that().resideInAPackage("..internal.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.physics..", "..internal.mechanism..",
                        "org.apache.commons.math3..")
                .check(engine);
    }

    @Test
    void onlyTheSolverTalksToCommonsMathOde() {
        noClasses().that().resideOutsideOfPackages("..internal.solver..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.math3.ode..")
                .check(engine);
    }

    @Test
    void theApiShowsNoInternalType() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("org.ionflux")
                .and().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should(new ArchCondition<JavaMethod>("have only API or JDK types in their signature") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        java.util.List<JavaClass> types = new java.util.ArrayList<>(method.getRawParameterTypes());
                        types.add(method.getRawReturnType());
                        types.addAll(method.getThrowsClause().getTypes());
                        for (JavaClass t : types) {
                            if (t.getPackageName().startsWith("org.ionflux.internal")
                                    || !(t.getPackageName().startsWith("java") || t.isPrimitive()
                                    || t.getPackageName().equals("org.ionflux")
                                    || t.isArray() && (t.getComponentType().isPrimitive()
                                    || t.getComponentType().getPackageName().startsWith("java")))) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName() + " shows "
                                        + t.getName()));
                            }
                        }
                    }
                })
                .check(engine);
        classes().that().resideInAPackage("org.ionflux").and().arePublic()
                .should().haveModifier(JavaModifier.FINAL).orShould().beInterfaces()
                .check(engine);
    }

    @Test
    void usersNeedOnlyTheApiPackage() {
        JavaClasses usage = new ClassFileImporter().importPackages("org.ionflux.usage");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.ionflux", "org.ionflux.usage..",
                        "java..", "javax.tools..", "org.junit..", "org.assertj..")
                .check(usage);
    }

    @Test
    void everyPackageSaysWhatItHolds() throws java.io.IOException {
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.walk(
                java.nio.file.Path.of("src/main/java/org/ionflux"))) {
            for (java.nio.file.Path dir : dirs.filter(java.nio.file.Files::isDirectory).toList()) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                    boolean hasSources = files.anyMatch(f -> f.toString().endsWith(".java"));
                    if (hasSources && !java.nio.file.Files.exists(dir.resolve("package-info.java"))) {
                        missing.add(dir.toString());
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(missing).as("packages without package-info.java").isEmpty();
    }
}
