package org.ionflux;

import java.io.Closeable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.scenario.SweepDefinition;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.workflow.sweep.Progress;
import org.ionflux.internal.workflow.sweep.SweepControl;
import org.ionflux.internal.workflow.sweep.SweepJob;
import org.ionflux.internal.workflow.sweep.SweepOutput;
import org.ionflux.internal.workflow.sweep.SweepPlan;
import org.ionflux.internal.workflow.sweep.SweepRow;

/**
 * A parameter sweep: many variants of one scenario, read from a sweep file (docs/commands.md "sweep") and validated
 * as a whole (every variant before any runs). A variant's trace is reduced to its metrics as it streams, so memory
 * does not depend on the number of variants; its row is the same whoever runs it: {@link #run(Path, int)} on
 * threads, {@code ionflux sweep}, or a Spark job that runs variants with {@link #run(int)} and writes their rows
 * with {@link #open}.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.load(Path.of("sweeps/seed-conductance.yaml"));   // all problems in one ScenarioException
 * Sweep.Outcome o = sweep.run(Path.of("results/sweeps/demo"), 4);      // sweep.csv and plots, on 4 threads
 * Sweep.Row row = sweep.run(7);                                        // one variant, in memory
 * double v = row.metric("final(plasma.V_mV)");
 * }</pre>
 *
 * <p>Serializable: it travels as the bytes of its sweep file and base scenario and is read again on arrival (not
 * validated again), so a Spark executor needs neither file.
 */
public final class Sweep implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient SweepPlan plan;

    private Sweep(SweepPlan plan) {
        this.plan = plan;
    }

    /**
     * Reads a sweep file and its base scenario, and validates every variant (on all cores).
     *
     * @throws ScenarioException listing every problem of the sweep file (with its field path, line and column), of
     *                           the base scenario, and every metric column that no variant's trace has; a variant
     *                           whose values the scenario rejects is not a problem: it becomes a failed row
     */
    public static Sweep load(Path sweepFile) throws ScenarioException {
        return new Sweep(SweepPlan.load(sweepFile, Runtime.getRuntime().availableProcessors()));
    }

    /** @return the sweep's {@code name} (it names the default output folder, {@code results/sweeps/<name>}) */
    public String name() {
        return plan.definition().name();
    }

    /** @return the base scenario */
    public Scenario scenario() {
        return new Scenario(plan.definition().base());
    }

    /** @return the number of variants */
    public int size() {
        return plan.variants().count();
    }

    /** @return the swept parameter paths, in the sweep file's order */
    public List<String> parameters() {
        return plan.definition().parameters().stream().map(SweepDefinition.Parameter::path).toList();
    }

    /** @return the default unit of each swept parameter ({@code mM}; "" for a plain number such as rtol) */
    public List<String> units() {
        return plan.definition().parameters().stream().map(SweepDefinition.Parameter::unit).toList();
    }

    /** @return the metrics as {@code sweep.csv} names them, {@code <stat>(<column>)}, in the sweep file's order */
    public List<String> metrics() {
        return plan.definition().metrics().stream().map(SweepDefinition.Metric::header).toList();
    }

    /** @return the header of {@code sweep.csv}: variant, the parameters with their units, the metrics, status, message */
    public List<String> columns() {
        return plan.header();
    }

    /**
     * @param variant from 0 to {@link #size()} - 1
     * @return the variant's parameter values, each in its default unit ({@link #units()}), in the order of
     *     {@link #parameters()}
     */
    public double[] values(int variant) {
        return plan.variants().values(variant);
    }

    /**
     * @param variant from 0 to {@link #size()} - 1
     * @return the variant's scenario: the base scenario with every swept parameter set (as {@link Scenario#with}
     *     sets one), validated as a whole
     * @throws ScenarioException when the scenario rejects this variant's values (its row is then failed)
     */
    public Scenario variant(int variant) throws ScenarioException {
        return new Scenario(plan.variants().scenario(variant, true));
    }

    /**
     * Runs one variant in memory; its trace is reduced to the metrics as it streams and not kept.
     *
     * @param variant from 0 to {@link #size()} - 1
     * @return its row (a variant that the scenario rejects, or whose run fails, is a failed row with the reason)
     */
    public Row run(int variant) {
        return new Row(plan.run(variant, new RunControl(), null), metrics());
    }

    /**
     * Runs the whole sweep into {@code outDir} as {@code ionflux sweep SWEEP_FILE --out outDir --threads threads}
     * does: {@code sweep.json}, {@code sweep.csv} row by row in variant order, then one plot per metric and
     * parameter. {@code outDir} is replaced only if it is absent, empty or an earlier sweep's outputs.
     *
     * @param threads threads running variants, at least 1
     * @throws IOException when the folder holds other files or the outputs cannot be written
     */
    public Outcome run(Path outDir, int threads) throws IOException {
        return run(outDir, threads, false, false);
    }

    /**
     * As {@link #run(Path, int)}, with the options of the command line.
     *
     * @param resume keep the rows of an interrupted run of the same sweep in {@code outDir} and run only the
     *               variants without a row ({@code --resume}); refused when another sweep file wrote them
     * @param traces also write each variant's run outputs to {@code outDir/variants/<variant>/} ({@code --traces})
     */
    public Outcome run(Path outDir, int threads, boolean resume, boolean traces) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        try {
            return new Outcome(SweepJob.run(plan, outDir, threads, resume, traces, Progress.none(),
                    new SweepControl()));
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Opens {@code outDir} for rows that another engine computes (a Spark job runs the variants with
     * {@link #run(int)} on its executors and hands the rows back here): {@code sweep.json} and the header are
     * written at once; rows are accepted in any order and written in variant order.
     *
     * @param resume keep the rows of an interrupted run of the same sweep; {@link Output#firstMissing()} says where
     *               to go on
     * @throws IOException when the folder may not be used, a resume is refused, or it cannot be written
     */
    public Output open(Path outDir, boolean resume) throws IOException {
        try {
            return new Output(plan, SweepOutput.open(outDir, plan.definition(), size(), resume));
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Sweep[" + name() + ", " + size() + " variants]";
    }

    /** Serialized as the two files' bytes. */
    private Object writeReplace() {
        SweepDefinition d = plan.definition();
        return new Form(d.file(), d.sweepBytes(), d.scenarioName(), d.scenarioBytes());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Sweep is serialized through its files' bytes");
    }

    /** The serialized form of a sweep: the names and bytes of its sweep file and base scenario. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String sweepName;
        private final byte[] sweepBytes;
        private final String scenarioName;
        private final byte[] scenarioBytes;

        Form(String sweepName, byte[] sweepBytes, String scenarioName, byte[] scenarioBytes) {
            this.sweepName = sweepName;
            this.sweepBytes = sweepBytes;
            this.scenarioName = scenarioName;
            this.scenarioBytes = scenarioBytes;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                return new Sweep(SweepPlan.fromBytes(sweepName, sweepBytes, scenarioName, scenarioBytes));
            } catch (ScenarioException e) {
                throw new InvalidObjectException("the sweep cannot be read again: " + e.getMessage());
            }
        }
    }

    /** One variant's row of {@code sweep.csv}. Immutable and serializable (a Spark executor sends it back). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SweepRow row;
        private final List<String> metricNames;

        Row(SweepRow row, List<String> metricNames) {
            this.row = row;
            this.metricNames = List.copyOf(metricNames);
        }

        /** @return the variant's number, from 0 */
        public int variant() {
            return row.variant();
        }

        /** @return its parameter values, default units, in the order of {@link Sweep#parameters()} */
        public double[] values() {
            return row.values().clone();
        }

        /**
         * @return its metrics, in the order of {@link Sweep#metrics()}; NaN where a metric has no value (a failed
         *     variant, a column this variant lacks)
         */
        public double[] metrics() {
            double[] m = row.metrics().clone();
            for (int i = 0; i < m.length; i++) {
                m[i] = row.defined()[i] ? m[i] : Double.NaN;
            }
            return m;
        }

        /** @return true where the metric has a value (an empty cell in {@code sweep.csv} otherwise) */
        public boolean[] defined() {
            return row.defined().clone();
        }

        /**
         * @param name a metric as {@link Sweep#metrics()} names it, e.g. {@code final(plasma.V_mV)}
         * @return its value, or NaN when it has none
         * @throws IllegalArgumentException if the sweep has no such metric
         */
        public double metric(String name) {
            int i = metricNames.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no metric '" + name + "'; the metrics are " + metricNames);
            }
            return metrics()[i];
        }

        /** @return {@code completed} or {@code failed} */
        public String status() {
            return row.status();
        }

        /** @return true if the variant ran to its end */
        public boolean completed() {
            return row.completed();
        }

        /** @return why it failed, "" when it completed */
        public String message() {
            return row.message();
        }

        /** @return its cells as {@code sweep.csv} writes them (numbers in their shortest exact form) */
        public List<String> cells() {
            return new ArrayList<>(row.cells());
        }

        /** @return its line of {@code sweep.csv}, with the line end */
        public String csvLine() {
            return row.csvLine();
        }

        @Override
        public String toString() {
            return "Row[" + csvLine().strip() + "]";
        }
    }

    /**
     * The output folder of a sweep whose rows another engine computes ({@link #open}): rows go to {@code sweep.csv}
     * in variant order; closing it draws the plots once every variant has its row.
     */
    public static final class Output implements Closeable {
        private final SweepPlan plan;
        private final SweepOutput output;
        private boolean closed;

        Output(SweepPlan plan, SweepOutput output) {
            this.plan = plan;
            this.output = output;
        }

        /** @return the folder, absolute */
        public Path folder() {
            return output.dir();
        }

        /** @return the first variant without a row: variants from here to the last remain to run */
        public int firstMissing() {
            return output.keptRows();
        }

        /**
         * Takes a variant's row, in any order; it is written (and flushed) once every variant before it has been.
         *
         * @throws IOException when {@code sweep.csv} cannot be written
         */
        public void accept(Row row) throws IOException {
            output.accept(row.row);
        }

        /** @return variants with a row in {@code sweep.csv} (those kept by a resume included) */
        public int rows() {
            return output.keptRows() + output.written();
        }

        /** @return failed rows in {@code sweep.csv} */
        public int failedRows() {
            return output.keptFailed() + output.failed();
        }

        /** Closes {@code sweep.csv}, then draws the plots if every variant has its row. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            output.close();
            if (rows() == plan.variants().count()) {
                SweepJob.plots(plan, output.dir());
            }
        }
    }

    /** What {@link #run(Path, int)} did. */
    public static final class Outcome {
        private final SweepJob.Outcome outcome;

        Outcome(SweepJob.Outcome outcome) {
            this.outcome = outcome;
        }

        /** @return variants in the sweep */
        public int variants() {
            return outcome.variants();
        }

        /** @return variants that completed */
        public int completed() {
            return outcome.completed();
        }

        /** @return variants that failed (their reason is in {@code sweep.csv}'s message column) */
        public int failed() {
            return outcome.failed();
        }

        /** @return rows kept from an earlier run (resume) */
        public int kept() {
            return outcome.kept();
        }

        /** @return the output folder, absolute */
        public Path folder() {
            return outcome.folder();
        }

        /** @return {@code sweep.csv} */
        public Path csv() {
            return outcome.folder().resolve(SweepOutput.CSV);
        }

        /** @return the plots written */
        public List<Path> plots() {
            return outcome.plots();
        }

        /** @return wall time, s */
        public double wallTimeS() {
            return outcome.wallS();
        }

        @Override
        public String toString() {
            return "Outcome[" + variants() + " variants, " + completed() + " completed, " + failed() + " failed, "
                    + folder() + "]";
        }
    }
}
