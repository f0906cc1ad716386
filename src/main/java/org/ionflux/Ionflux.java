package org.ionflux;

import java.nio.file.Path;
import org.ionflux.internal.output.Summary;
import org.ionflux.internal.scenario.LocatedTree;
import org.ionflux.internal.scenario.ScenarioReader;

/**
 * Entry point of the ionflux Java API: load a scenario file (or wrap a model built in code) and run it, ask where
 * it settles, sweep its parameters or check it against reference traces.
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
