package org.ionflux.internal.scenario;

import java.util.List;
import java.util.Locale;

/**
 * A sweep file read and checked (docs/commands.md "sweep"): the base scenario, the parameters with their values in
 * the default unit of their field, how they combine into variants, and the metrics of every variant.
 *
 * @param name           the sweep's {@code name} (it names the default output folder)
 * @param file           the sweep file as its user named it, for messages
 * @param base           the base scenario, validated
 * @param scenarioName   the base scenario file as the sweep resolved it, for messages and {@code sweep.json}
 * @param sweepBytes     the sweep file's bytes (a sweep travels to Spark executors as its two files' bytes)
 * @param scenarioBytes  the base scenario file's bytes
 * @param sweepSha256    SHA-256 of the sweep file's bytes, hex
 * @param scenarioSha256 SHA-256 of the base scenario file's bytes, hex
 * @param parameters     the swept parameters, in file order
 * @param combine        grid, zip or Latin hypercube
 * @param metrics        the metrics, in file order
 */
public record SweepDefinition(String name, String file, LoadedScenario base, String scenarioName, byte[] sweepBytes,
                              byte[] scenarioBytes, String sweepSha256, String scenarioSha256,
                              List<Parameter> parameters, Combine combine, List<Metric> metrics) {

    /** Copies the lists. */
    public SweepDefinition {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
    }

    /** How the values of a range are spaced. */
    public enum Scale {
        /** Evenly spaced values. */
        LINEAR,
        /** Evenly spaced logarithms (all values of one sign, none zero). */
        LOG
    }

    /** How the parameters' values combine into variants. */
    public enum CombineKind {
        /** Every combination; the last parameter varies fastest. */
        GRID,
        /** The k-th values of every parameter together; the lists have one length. */
        ZIP,
        /** {@code samples} points, one per stratum of every parameter's range, drawn with {@code seed}. */
        LATIN_HYPERCUBE
    }

    /** What a metric reduces a trace column to. */
    public enum Stat {
        /** The value at the last row. */
        FINAL,
        /** The smallest value over the rows. */
        MIN,
        /** The largest value over the rows. */
        MAX,
        /** The time-weighted mean over the rows (trapezoidal rule). */
        MEAN,
        /** When the column settles to its final value, s (as {@code summary.json}'s time_to_equilibrium_s). */
        TIME_TO_EQUILIBRIUM;

        /** @return the word used in sweep files and headers ({@code time_to_equilibrium}) */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One swept parameter.
     *
     * @param path   its parameter path, as written
     * @param unit   the default unit of its field ({@code mM}), or "" for a number without unit (rtol, atol, hill)
     * @param scale  linear or log: the spacing of a range, and the axis of its plots ({@code values} are linear)
     * @param values for grid and zip, its values in the default unit, in order; null for a Latin hypercube
     * @param texts  for grid and zip, each value as written when it was a {@code "<number> <unit>"} string (given to
     *               the scenario as written), or null where it was a number; null for a Latin hypercube
     * @param from   first end of a range, default unit (NaN for a list of values)
     * @param to     second end of a range, default unit (NaN for a list of values)
     */
    public record Parameter(String path, String unit, Scale scale, double[] values, String[] texts, double from,
                            double to) {

        /** @return the {@code sweep.csv} header of this parameter: its path, then its default unit in brackets */
        public String header() {
            return unit.isEmpty() ? path : path + " [" + unit + "]";
        }

        /**
         * The point {@code fraction} of the way through this parameter's range: {@code from + f (to - from)}, or for
         * a log range {@code from (to / from)^f} (computed as {@code sign exp(ln|from| + f (ln|to| - ln|from|))}
         * with {@link StrictMath}, so that every machine gets the same bits).
         *
         * @param fraction 0 for {@code from}, 1 for {@code to}
         * @return the value, default unit
         */
        public double at(double fraction) {
            if (scale == Scale.LOG) {
                double a = StrictMath.log(Math.abs(from));
                double b = StrictMath.log(Math.abs(to));
                return Math.signum(from) * StrictMath.exp(a + fraction * (b - a));
            }
            return from + fraction * (to - from);
        }
    }

    /**
     * How the parameters combine.
     *
     * @param kind    grid, zip or Latin hypercube
     * @param samples Latin hypercube: the number of variants (0 otherwise)
     * @param seed    Latin hypercube: the seed of its random draws (0 otherwise)
     */
    public record Combine(CombineKind kind, int samples, long seed) {
    }

    /**
     * One metric.
     *
     * @param stat       what the column is reduced to
     * @param column     a trace column name ({@code plasma.V_mV})
     * @param path       the field path of its {@code column} in the sweep file ({@code metrics[0].column})
     * @param line       line of its {@code column} in the sweep file, 0 when unknown
     * @param fileColumn column of its {@code column} in the sweep file, 0 when unknown
     */
    public record Metric(Stat stat, String column, String path, int line, int fileColumn) {

        /** @return the {@code sweep.csv} header of this metric: {@code <stat>(<column>)} */
        public String header() {
            return stat.key() + "(" + column + ")";
        }
    }
}
