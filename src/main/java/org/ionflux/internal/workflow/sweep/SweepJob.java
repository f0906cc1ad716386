package org.ionflux.internal.workflow.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.scenario.SweepDefinition;

/**
 * {@code ionflux sweep}: runs a validated sweep into its folder: {@code sweep.json}, {@code sweep.csv} row by row in
 * variant order, then one plot per metric and parameter once every variant has its row.
 */
public final class SweepJob {

    private SweepJob() {
    }

    /**
     * What a sweep did.
     *
     * @param variants  variants in the sweep
     * @param completed variants whose row says completed (those kept by {@code --resume} included)
     * @param failed    variants whose row says failed (those kept included)
     * @param kept      rows kept from an earlier run ({@code --resume})
     * @param folder    the output folder, absolute
     * @param plots     the plots written (none when the sweep was stopped before every variant had its row)
     * @param wallS     wall time of this run, s
     */
    public record Outcome(int variants, int completed, int failed, int kept, Path folder, List<Path> plots,
                          double wallS) {

        /** @return true when every variant has its row (not stopped midway) */
        public boolean finished() {
            return completed + failed == variants;
        }
    }

    /** @return {@code results/sweeps/<name>}, the default output folder (relative to the working folder) */
    public static Path defaultFolder(SweepDefinition sweep) {
        return Path.of("results", "sweeps", sweep.name());
    }

    /**
     * Runs the variants that have no row in {@code out} on {@code threads} threads.
     *
     * @param resume  keep the rows of an earlier, interrupted run of the same sweep
     * @param traces  also write each variant's run outputs to {@code out/variants/<variant>/}
     * @param control lets a Ctrl-C handler stop the sweep (variants running then get no row)
     * @throws OutputFolderException when {@code out} may not be used, or a resume is refused (nothing is written)
     * @throws IOException           when the outputs cannot be written
     */
    public static Outcome run(SweepPlan plan, Path out, int threads, boolean resume, boolean traces,
                              Progress progress, SweepControl control) throws OutputFolderException, IOException {
        long start = System.nanoTime();
        int n = plan.variants().count();
        int kept;
        int rows;
        int failed;
        Path folder;
        try (SweepOutput output = SweepOutput.open(out, plan.definition(), n, resume)) {
            folder = output.dir();
            kept = output.keptRows();
            progress.start(n, kept, output.keptFailed());
            try {
                SweepRunner.run(plan, output, threads, traces ? folder.resolve(SweepOutput.VARIANTS) : null, progress,
                        control);
            } finally {
                progress.stop();
            }
            rows = kept + output.written();
            failed = output.keptFailed() + output.failed();
        }
        List<Path> plots = rows == n ? SweepPlots.write(folder, plan.definition(), n, threads) : List.of();
        return new Outcome(n, rows - failed, failed, kept, folder, plots, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Draws the plots of a finished sweep from its {@code sweep.csv} (the Spark job writes the rows itself), on as
     * many threads as the machine has cores.
     *
     * @return the files written
     */
    public static List<Path> plots(SweepPlan plan, Path folder) throws IOException {
        return plots(plan, folder, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #plots(SweepPlan, Path)}, on {@code threads} threads. */
    public static List<Path> plots(SweepPlan plan, Path folder, int threads) throws IOException {
        return SweepPlots.write(folder, plan.definition(), plan.variants().count(), threads);
    }
}
