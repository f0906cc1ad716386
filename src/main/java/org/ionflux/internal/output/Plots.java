package org.ionflux.internal.output;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.ionflux.internal.output.plot.Figure;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.PngWriter;
import org.ionflux.internal.output.plot.RunFigures;

/**
 * The plots of a run (docs/commands.md "Plots"): {@code potential.png}, {@code concentrations.png} and
 * {@code currents.png}, drawn by {@link FigureRenderer} from a {@link ThinnedTrace} (never the whole trace), the
 * three at once on a small thread pool. The columns plotted are those matching {@code simulation.plot}.
 */
public final class Plots {

    /** The plot files, in the order of {@link RunFigures.Figures}' components. */
    public static final List<String> FILES = List.of("potential.png", "concentrations.png", "currents.png");

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private Plots() {
    }

    /**
     * Starts, once per JVM, a daemon thread that draws and encodes a tiny figure, so that loading the fonts, Java2D
     * and the deflater (a few hundred ms in a cold JVM) overlaps the integration instead of following it.
     */
    public static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true)) {
            System.setProperty("java.awt.headless", "true");
            Thread t = new Thread(() -> {
                try {
                    FigureRenderer.warmUp();
                } catch (RuntimeException | Error ignored) {
                    // only a head start: the plots themselves report any real problem
                }
            }, "ionflux-plot-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Writes the three PNG files into {@code dir}, plotting every recorded column. */
    public static void write(Path dir, String scenarioName, ThinnedTrace trace) throws IOException {
        write(dir, scenarioName, trace, List.of());
    }

    /**
     * Writes the three PNG files into {@code dir}.
     *
     * @param plotPatterns glob patterns of the columns to plot ({@code simulation.plot}); empty plots every column
     */
    public static void write(Path dir, String scenarioName, ThinnedTrace trace, List<String> plotPatterns)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        RunFigures.Figures figures = figures(scenarioName, trace.columns(), trace.rows(), plotPatterns);
        List<Figure> list = List.of(figures.potential(), figures.concentrations(), figures.currents());
        ExecutorService pool = Executors.newFixedThreadPool(list.size(), r -> {
            Thread t = new Thread(r, "ionflux-plot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Figure figure = list.get(i);
                Path file = dir.resolve(FILES.get(i));
                done.add(pool.submit(() -> {
                    BufferedImage image = FigureRenderer.png(figure);
                    try {
                        PngWriter.write(image, file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the plots", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @param columns      the trace's columns
     * @param rows         its rows (thinned)
     * @param plotPatterns glob patterns of the columns to plot; empty plots every column
     * @return the three figures
     */
    public static RunFigures.Figures figures(String scenarioName, List<TraceColumns.Column> columns,
                                             List<double[]> rows, List<String> plotPatterns) {
        List<RunFigures.Column> plotColumns = new ArrayList<>();
        for (TraceColumns.Column c : columns) {
            plotColumns.add(new RunFigures.Column(c.name(), quantity(c.kind())));
        }
        return RunFigures.of(scenarioName, plotColumns, rows, plotted(plotPatterns));
    }

    /** @return which column names the patterns select, or null (every one) when there is no pattern */
    public static Predicate<String> plotted(List<String> plotPatterns) {
        if (plotPatterns == null || plotPatterns.isEmpty()) {
            return null;
        }
        List<Pattern> patterns = plotPatterns.stream().map(TraceColumns::globToRegex).toList();
        return name -> patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static RunFigures.Quantity quantity(TraceColumns.Kind kind) {
        return switch (kind) {
            case TIME -> RunFigures.Quantity.TIME;
            case POTENTIAL -> RunFigures.Quantity.POTENTIAL;
            case NERNST -> RunFigures.Quantity.NERNST;
            case CONCENTRATION -> RunFigures.Quantity.CONCENTRATION;
            case CURRENT -> RunFigures.Quantity.CURRENT;
            default -> RunFigures.Quantity.OTHER;
        };
    }
}
