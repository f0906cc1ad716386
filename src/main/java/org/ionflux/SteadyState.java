package org.ionflux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.steady.SteadyResult;
import org.ionflux.internal.workflow.SteadyJob;

/**
 * Where a scenario ends up, what it conserves and how fast it gets there: the outcome of {@link Scenario#steady()},
 * the content of {@code steady.json} (docs/commands.md). Immutable.
 *
 * <pre>{@code
 * SteadyState s = Ionflux.load(Path.of("scenarios/donnan.yaml")).steady();
 * if (s.isSteady()) {
 *     double v = s.value("plasma.V_mV");                    // the trace columns, in output units
 *     double slowest = s.timeConstants().get(0).tauS();    // slowest first
 * }
 * s.write(Path.of("results/steady/donnan"));               // steady.json
 * }</pre>
 */
public final class SteadyState {

    /**
     * A conserved quantity: {@code sum_i c_i y_i}, constant in time whatever the rates, kept exactly.
     *
     * @param description in words, e.g. "K - Cl amount in cell"
     * @param value       its value, in {@code unit}
     * @param unit        {@code mol} (amounts and charge in moles), {@code m^3}, {@code V} or {@code C}
     */
    public record Conserved(String description, double value, String unit) {
    }

    /**
     * A mode of the approach to the steady state.
     *
     * @param tauS         time constant {@code -1 / Re(lambda)}, s
     * @param periodS      {@code 2 pi / |Im(lambda)|} for an oscillating mode, s, or NaN
     * @param dominant     the trace columns that move most in it (relative to their size), largest first
     * @param multiplicity how many modes share it (identical cells share theirs), 0 when unknown (large models)
     */
    public record TimeConstant(double tauS, double periodS, List<String> dominant, int multiplicity) {
        /** Copies the list. */
        public TimeConstant {
            dominant = List.copyOf(dominant);
        }
    }

    /**
     * One charged ion across one membrane at the steady state.
     *
     * @param eMv            its equilibrium (Nernst) potential E_X, mV (infinite when a side has none)
     * @param drivingForceMv {@code V - E_X}, mV
     * @param atEquilibrium  {@code |V - E_X| <= 1e-6 mV}
     */
    public record Equilibrium(double eMv, double drivingForceMv, boolean atEquilibrium) {
    }

    private final Scenario scenario;
    private final SteadyResult result;

    SteadyState(Scenario scenario, SteadyResult result) {
        this.scenario = scenario;
        this.result = result;
    }

    /** @return the scenario it belongs to */
    public Scenario scenario() {
        return scenario;
    }

    /** @return {@code steady}, {@code no_steady_state} or {@code not_converged} */
    public String status() {
        return result.status();
    }

    /** @return true for status {@code steady} */
    public boolean isSteady() {
        return result.isSteady();
    }

    /** @return why there is no steady state, or why none was found; null when steady */
    public String message() {
        return result.message();
    }

    /** @return the time whose parameters were in force, s */
    public double atS() {
        return result.atS();
    }

    /** @return {@code newton}, {@code ptc+newton} or {@code ptc} (pseudo-transient continuation) */
    public String method() {
        return result.method();
    }

    /** @return Newton iterations plus pseudo-transient steps */
    public int iterations() {
        return result.iterations();
    }

    /**
     * @return the largest rate of change of a state variable relative to {@code atol + rtol |y|}, per second (of
     *     the best point when not steady)
     */
    public double residual() {
        return result.residual();
    }

    /**
     * @return every column {@code run}'s trace would have (but {@code t_s}) at the steady state, in output units,
     *     in trace order; empty when not steady
     */
    public Map<String, Double> values() {
        return result.values();
    }

    /**
     * @param column a trace column, e.g. {@code cell.K_mM}
     * @return its steady value, in its output unit
     * @throws IllegalArgumentException if there is no such column (or no steady state)
     */
    public double value(String column) {
        Double v = result.values().get(column);
        if (v == null) {
            throw new IllegalArgumentException(result.values().isEmpty() ? "there is no steady state: " + message()
                    : "no column '" + column + "'; the columns are " + String.join(", ", result.values().keySet()));
        }
        return v;
    }

    /**
     * @return the conserved quantities, found from the equations' stoichiometry (their descriptions are written on the
     *     first call)
     */
    public List<Conserved> conserved() {
        List<Conserved> out = new ArrayList<>();
        for (SteadyResult.Conserved c : result.conserved()) {
            out.add(new Conserved(c.description(), c.value(), c.unit()));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @return the time constants of the approach, slowest first (empty when not steady); computed on the first call
     *     (the eigenvalues can cost as much as the solve), then kept
     */
    public List<TimeConstant> timeConstants() {
        List<TimeConstant> out = new ArrayList<>();
        for (SteadyResult.TimeConstant t : result.timeConstants()) {
            out.add(new TimeConstant(t.tauS(), t.periodS(), t.dominant(), t.multiplicity()));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return per membrane and charged ion it moves, E_X and the driving force left (empty when not steady) */
    public Map<String, Map<String, Equilibrium>> membranes() {
        Map<String, Map<String, Equilibrium>> out = new LinkedHashMap<>();
        result.membranes().forEach((m, ions) -> {
            Map<String, Equilibrium> byIon = new LinkedHashMap<>();
            ions.forEach((ion, e) -> byIon.put(ion, new Equilibrium(e.eMv(), e.drivingForceMv(), e.atEquilibrium())));
            out.put(m, Collections.unmodifiableMap(byIon));
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Writes {@code steady.json} into {@code dir}, as {@code ionflux steady} does; {@code dir} is replaced only if it
     * is absent, empty or an earlier result.
     *
     * @return the folder the file is in
     * @throws IOException if the folder holds other files or cannot be written (nothing is written then)
     */
    public Path write(Path dir) throws IOException {
        try {
            return SteadyJob.write(result, scenario.sha256(), dir);
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SteadyState[%s, %s, %s, %d iterations, residual %.3g]", scenario.name(),
                status(), method(), iterations(), residual());
    }
}
