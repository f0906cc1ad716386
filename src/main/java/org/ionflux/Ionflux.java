package org.ionflux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.output.Summary;
import org.ionflux.internal.scenario.LocatedTree;
import org.ionflux.internal.scenario.ScenarioReader;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.workflow.check.CheckInputException;
import org.ionflux.internal.workflow.check.CheckPlan;
import org.ionflux.internal.workflow.check.CheckRunner;
import org.ionflux.internal.workflow.check.JUnitReport;
import org.ionflux.internal.workflow.check.Verdict;

/**
 * Entry point of the ionflux Java API: load a scenario file (or wrap a model built in code) and run it, ask where
 * it settles, sweep its parameters or check it against reference traces ({@link #check}).
 *
 * <pre>{@code
 * Scenario s = Ionflux.load(Path.of("scenarios/ghk-relaxation.yaml")); // all problems in one ScenarioException
 * Result r = s.run();
 * double[] k = r.column("cell.K_mM");
 * }</pre>
 */
public final class Ionflux {

    private Ionflux() {
    }

    /**
     * Reads and validates a scenario file (YAML or JSON, chosen by its extension).
     *
     * @throws ScenarioException listing every problem of the file, each with its field path, line and column
     */
    public static Scenario load(Path file) throws ScenarioException {
        return new Scenario(ScenarioReader.read(file));
    }

    /**
     * Runs scenarios and compares their traces with reference traces, as {@code ionflux check} does: every run's
     * outputs go to {@code <out>/<name>/}, its {@code trace.csv} is compared with
     * {@code <reference>/<name>/trace.csv} at the scenario's tolerances (a value passes when
     * {@code |run - ref| <= atol + rtol |ref|}), and its invariants are checked. With
     * {@link CheckOptions#withUpdate}, the references are written instead.
     *
     * <pre>{@code
     * List<CheckVerdict> verdicts = Ionflux.check(List.of(Path.of("scenarios")), CheckOptions.defaults());
     * verdicts.stream().filter(v -> !v.passed()).forEach(v -> System.out.println(v.line()));
     * }</pre>
     *
     * @param scenarios scenario files or folders (every {@code *.yaml}, {@code *.yml}, {@code *.json} directly
     *                  inside, in name order); an empty list means {@code scenarios/}
     * @return one verdict per scenario, in order; a bad scenario, a failed run or a missing reference is a verdict
     *     that did not pass, not an exception
     * @throws IllegalArgumentException when nothing can run: no scenario found, a path that does not exist, two
     *                                  scenarios with one name, an option out of range, a folder that may not be
     *                                  written (the message lists every problem; nothing has run)
     * @throws IOException              when the JUnit report cannot be written (after the runs)
     * @throws InterruptedException     when the calling thread is interrupted (the runs are stopped)
     */
    public static List<CheckVerdict> check(List<Path> scenarios, CheckOptions options) throws IOException,
            InterruptedException {
        long start = System.nanoTime();
        CheckPlan plan;
        try {
            plan = CheckPlan.prepare(new CheckPlan.Options(scenarios, options.reference(), options.out(),
                    options.junit().orElse(null), options.threads(), options.update()));
        } catch (CheckInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Verdict> verdicts = CheckRunner.run(plan, new RunControl(), v -> { });
        if (options.junit().isPresent()) {
            JUnitReport.write(options.junit().get(), verdicts, (System.nanoTime() - start) * 1e-9);
        }
        return verdicts.stream().map(v -> new CheckVerdict(v.scenario(), CheckVerdict.Outcome.valueOf(
                v.outcome().name()), v.reason(), v.line(), v.wallTimeS())).toList();
    }

    /**
     * Validates a model built in code ({@link Model#builder(String)}) exactly as a file would be.
     *
     * @throws ScenarioException listing every problem, each with its field path (the file is named
     *                           {@code <model NAME>})
     */
    public static Scenario scenario(Model model) throws ScenarioException {
        LocatedTree tree = LocatedTree.ofTree(model.tree(), "<model " + model.name() + ">");
        return new Scenario(ScenarioReader.fromTree(tree, null, tree.sha256()));
    }

    /** @return the version of ionflux ({@code dev} when run from classes rather than the jar) */
    public static String version() {
        return Summary.version();
    }
}
