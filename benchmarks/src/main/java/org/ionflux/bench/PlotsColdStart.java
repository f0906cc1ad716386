package org.ionflux.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.output.Plots;
import org.ionflux.internal.output.ThinnedTrace;
import org.ionflux.internal.output.TraceCsvReader;

/**
 * Why: a user's {@code run} pays for the plots in a cold JVM (fonts, Java2D and the encoder loaded, nothing
 * compiled yet), which JMH does not measure. This times the first {@code Plots.write} of a fresh JVM, then the
 * median of {@code N} more, on a trace written by {@code run}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.ionflux.bench.PlotsColdStart TRACE_CSV [N]</pre>
 */
public final class PlotsColdStart {

    private PlotsColdStart() {
    }

    /** @param args the trace.csv, and how many warm calls to time (default 30) */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        ThinnedTrace trace = TraceCsvReader.read(Path.of(args[0]), 4000);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path out = Files.createTempDirectory("plots-cold");
        long start = System.nanoTime();
        Plots.write(out, "bench", trace, List.of());
        double cold = (System.nanoTime() - start) / 1e9;
        double[] warm = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            Plots.write(out, "bench", trace, List.of());
            warm[i] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "plots: first call %.3f s; next %d calls: median %.3f s (min %.3f, max %.3f)%n",
                cold, n, n == 0 ? Double.NaN : warm[n / 2], n == 0 ? Double.NaN : warm[0],
                n == 0 ? Double.NaN : warm[n - 1]);
    }
}
