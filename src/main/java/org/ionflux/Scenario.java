package org.ionflux;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.steady.Steady;
import org.ionflux.internal.workflow.RunJob;
import org.ionflux.internal.workflow.SteadyJob;

/**
 * A validated scenario: compartments, ions, membranes and their mechanisms, the potential protocol and the run
 * settings, ready to run. Immutable: {@link #with} returns a changed copy.
 *
 * <pre>{@code
 * Scenario s = Ionflux.load(Path.of("scenarios/ghk-relaxation.yaml"));
 * Scenario faster = s.with("membranes.plasma.channels[0].permeability", "2e-7 cm/s");
 * Result r = faster.run();                 // in memory, no files written
 * System.out.println(s.explain());         // which way each ion goes at the start, and why
 * SteadyState rest = s.steady();           // where it ends up, what it conserves, how fast it gets there
 * }</pre>
 */
public final class Scenario {

    private final LoadedScenario loaded;

    Scenario(LoadedScenario loaded) {
        this.loaded = loaded;
    }

    /** @return the scenario's {@code name} (it names the default output folder) */
    public String name() {
        return loaded.model().name();
    }

    /** @return the scenario's {@code description}, or "" */
    public String description() {
        return loaded.model().description();
    }

    /** @return the file it was read from, if any (a copy made by {@link #with} keeps it; a model built in code has none) */
    public Optional<Path> file() {
        return Optional.ofNullable(loaded.file());
    }

    /** @return physical sanity warnings (not errors), one line each, e.g. a compartment far from electroneutral */
    public List<String> warnings() {
        return loaded.warnings().stream().map(Problem::format).toList();
    }

    /**
     * A copy with one parameter changed, validated again as a whole (so an out-of-bounds value is reported as a
     * file's would be).
     *
     * @param path  a parameter path, with the scenario's own keys: {@code temperature},
     *              {@code compartments.<c>.volume}, {@code compartments.<c>.concentrations.<ion>},
     *              {@code membranes.<m>.area|capacitance|water_permeability},
     *              {@code membranes.<m>.potential.value|initial}, {@code membranes.<m>.potential.steps[<k>].value},
     *              {@code membranes.<m>.channels[<i>].conductance|permeability|reversal},
     *              {@code membranes.<m>.pumps[<i>].max_current|km_na|km_k|km|hill},
     *              {@code membranes.<m>.transporters[<i>].rate}, {@code stimuli[<i>].amplitude|start|duration},
     *              {@code simulation.duration|rtol|atol}; and {@code initial_state}, whose value is the path of a
     *              {@code steady.json} or {@code summary.json} to start from (relative to the scenario's folder)
     * @param value {@code "<number> <unit>"} ({@code "2e-7 cm/s"}), or a number in the field's default unit
     * @throws ScenarioException naming the path when it is unknown, points to a missing item (a channel index
     *                           past the end, an undeclared ion) or the value is out of bounds
     */
    public Scenario with(String path, String value) throws ScenarioException {
        return new Scenario(loaded.with(path, value));
    }

    /** As {@link #with(String, String)}, with a number in the field's default unit (mM, pL, mS/cm^2, cm/s, ...). */
    public Scenario with(String path, double value) throws ScenarioException {
        return new Scenario(loaded.with(path, value));
    }

    /**
     * Runs the scenario with its trace in memory; nothing is written. A failed run (a concentration below zero,
     * a step size underflow) is a {@link Result} with status {@code failed} that keeps the rows computed before.
     */
    public Result run() {
        return new Result(this, RunJob.runInMemory(loaded.model(), new RunControl()));
    }

    /**
     * Solves for the steady state with the parameters in force at t = 0, directly (no time course): as
     * {@code ionflux steady}.
     */
    public SteadyState steady() {
        return steady(0.0);
    }

    /**
     * Solves for the steady state with the parameters in force at {@code atS} (events at or before it applied,
     * stimuli off, a clamped membrane at its clamp value then), from the scenario's initial state.
     *
     * @param atS time, s, between 0 and the scenario's duration
     * @throws IllegalArgumentException if {@code atS} is negative, not finite or beyond the duration
     */
    public SteadyState steady(double atS) {
        return new SteadyState(this, Steady.solve(loaded.model(), atS));
    }

    /**
     * @return the text {@code ionflux explain} prints: the initial state, which way each ion goes and why, and where
     *     each membrane would settle
     */
    public String explain() {
        return SteadyJob.explain(loaded.model());
    }

    @Override
    public String toString() {
        return "Scenario[" + name() + "]";
    }

    /** The engine's model (SI), for the other classes of this package. */
    org.ionflux.internal.model.Model internalModel() {
        return loaded.model();
    }

    /** The scenario as read, for the other classes of this package. */
    LoadedScenario loaded() {
        return loaded;
    }

    /** @return SHA-256 of the scenario's source, hex */
    String sha256() {
        return loaded.sha256();
    }
}
