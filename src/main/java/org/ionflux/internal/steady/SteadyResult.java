package org.ionflux.internal.steady;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code steady} found: the content of {@code steady.json} (docs/commands.md).
 *
 * @param scenario            the scenario's name
 * @param status              {@code steady}, {@code no_steady_state} or {@code not_converged}
 * @param atS                 the time whose parameters are in force, s
 * @param method              {@code newton}, {@code ptc+newton} or {@code ptc}
 * @param iterations          Newton iterations plus pseudo-transient steps
 * @param residual            the largest {@code |dy_i/dt| / (atol_i + rtol |y_i|)}, 1/s (of the best point when not
 *                            steady)
 * @param values              every trace column (but {@code t_s}) at the steady state, in output units; empty when
 *                            not steady
 * @param conservedSource     the conserved quantities with their values: made when {@link #conserved()} is first
 *                            called (their descriptions in words are not needed to solve)
 * @param timeConstantSource  the modes of relaxation, slowest first (empty when not steady): computed when
 *                            {@link #timeConstants()} is first called (the eigenvalues cost as much as the solve;
 *                            callers of the API that never ask for them do not pay for them)
 * @param membranes           per membrane and charged ion it moves: E_X, driving force, at equilibrium (empty when
 *                            not steady)
 * @param message             why, when not steady (null otherwise)
 * @param solveWallTimeS      wall time of the solve without the time constants, s (see {@link #wallTimeS()})
 * @param transferLawsOmitted true when the laws of the transfer into clamped compartments could not be found
 */
public record SteadyResult(String scenario, String status, double atS, String method, int iterations,
                           double residual, Map<String, Double> values, Supplier<List<Conserved>> conservedSource,
                           Supplier<List<TimeConstant>> timeConstantSource,
                           Map<String, Map<String, Equilibrium>> membranes, String message, double solveWallTimeS,
                           boolean transferLawsOmitted) {

    /** Copies the collections; the time constants are computed when first asked for, once. */
    public SteadyResult {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (!(conservedSource instanceof Once)) {
            conservedSource = new Once<>(conservedSource);
        }
        if (!(timeConstantSource instanceof Once)) {
            timeConstantSource = new Once<>(timeConstantSource);
        }
        Map<String, Map<String, Equilibrium>> copy = new LinkedHashMap<>();
        membranes.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        membranes = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return the conserved quantities with their values; their descriptions are written on the first call */
    public List<Conserved> conserved() {
        return conservedSource.get();
    }

    /** @return the modes of relaxation, slowest first (empty when not steady); computed on the first call */
    public List<TimeConstant> timeConstants() {
        return timeConstantSource.get();
    }

    /**
     * @return wall time of the solve, s, with that of the time constants once they have been computed (as they are
     *     before {@code steady.json} is written)
     */
    public double wallTimeS() {
        return solveWallTimeS + ((Once<?>) conservedSource).wallTimeS() + ((Once<?>) timeConstantSource).wallTimeS();
    }

    /** A list computed on the first call (thread-safe), with the time that took. */
    private static final class Once<T> implements Supplier<List<T>> {
        private Supplier<List<T>> source;
        private List<T> value;
        private double wallTimeS;

        Once(Supplier<List<T>> source) {
            this.source = source;
        }

        @Override
        public synchronized List<T> get() {
            if (value == null) {
                long start = System.nanoTime();
                value = List.copyOf(source.get());
                wallTimeS = (System.nanoTime() - start) * 1e-9;
                source = null;
            }
            return value;
        }

        synchronized double wallTimeS() {
            return wallTimeS;
        }
    }

    /** @return true for status {@code steady} */
    public boolean isSteady() {
        return "steady".equals(status);
    }

    /**
     * A conserved quantity.
     *
     * @param description in words, e.g. "K + Cl amount in cell and bath"
     * @param value       its value (the same at the start and at the steady state), in {@code unit}
     * @param unit        {@code mol}, {@code m^3}, {@code V} or {@code C}
     * @param physical    false when it involves a bookkeeping accumulator (an amount moved into clamped
     *                    compartments, the charge brought in by leaks and stimuli)
     */
    public record Conserved(String description, double value, String unit, boolean physical) {
    }

    /**
     * A mode of relaxation toward the steady state.
     *
     * @param tauS      {@code -1 / Re(lambda)}, s
     * @param periodS   {@code 2 pi / |Im(lambda)|}, s, or NaN for a real eigenvalue
     * @param dominant  the trace columns that dominate the mode, largest first
     * @param realPerS  Re(lambda), 1/s
     * @param imagPerS  |Im(lambda)|, 1/s
     * @param multiplicity how many modes share it (identical cells share theirs; a complex pair counts once), or 0
     *                  when unknown (the Krylov method of large models finds one mode per distinct eigenvalue)
     */
    public record TimeConstant(double tauS, double periodS, List<String> dominant, double realPerS,
                               double imagPerS, int multiplicity) {
        /** Copies the list. */
        public TimeConstant {
            dominant = List.copyOf(dominant);
        }
    }

    /**
     * One charged ion across one membrane at the steady state.
     *
     * @param eMv            its Nernst potential E_X, mV (infinite when a side has none)
     * @param drivingForceMv {@code V - E_X}, mV
     * @param atEquilibrium  {@code |V - E_X| <= 1e-6 mV}
     */
    public record Equilibrium(double eMv, double drivingForceMv, boolean atEquilibrium) {
    }
}
