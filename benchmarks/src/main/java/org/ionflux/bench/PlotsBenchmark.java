package org.ionflux.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ionflux.internal.output.Plots;
import org.ionflux.internal.output.ThinnedTrace;
import org.ionflux.internal.output.TraceCsvReader;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.PngWriter;
import org.ionflux.internal.output.plot.RunFigures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why: the plots were most of a cold {@code run} (3.6-4.2 s of XChart on the pump-leak cell). This times the
 * plots alone, warm, from a reference trace (thinned to 4000 rows as {@code run} does): the three PNG files as
 * {@code run} writes them (three threads), one figure drawn and encoded (one thread), and the three SVGs of the
 * report. Run it from the repository's top folder ({@code @Param trace} is a path from there).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PlotsBenchmark {

    /** A trace written by {@code run}. */
    @Param({"results/reference/pump-leak-cell/trace.csv"})
    public String trace;

    private ThinnedTrace thinned;
    private RunFigures.Figures figures;
    private Path out;

    @Setup
    public void read() throws Exception {
        thinned = TraceCsvReader.read(Path.of(trace), 4000);
        figures = Plots.figures("bench", thinned.columns(), thinned.rows(), List.of());
        out = Files.createTempDirectory("plots-bench");
    }

    /** The three PNG files, as {@code run} writes them. */
    @Benchmark
    public Path threePngFiles() throws IOException {
        Plots.write(out, "bench", thinned, List.of());
        return out;
    }

    /** The concentrations figure drawn and encoded on this thread. */
    @Benchmark
    public byte[] onePng() throws IOException {
        return PngWriter.encode(FigureRenderer.png(figures.concentrations()));
    }

    /** The three SVGs of the report. */
    @Benchmark
    public int threeSvgs() {
        return FigureRenderer.svg(figures.potential(), "p").length() + FigureRenderer.svg(figures.concentrations(),
                "c").length() + FigureRenderer.svg(figures.currents(), "i").length();
    }
}
