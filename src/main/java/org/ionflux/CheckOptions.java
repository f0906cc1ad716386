package org.ionflux;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of {@link Ionflux#check}, as those of {@code ionflux check}: where the references are, where the runs
 * go, how many scenarios run at once, whether to write a JUnit report or to update the references. Immutable:
 * each {@code with...} returns a changed copy.
 *
 * <pre>{@code
 * CheckOptions options = CheckOptions.defaults().withReference(Path.of("golden")).withThreads(4);
 * }</pre>
 */
public final class CheckOptions {

    private final Path reference;
    private final Path out;
    private final Path junit;
    private final int threads;
    private final boolean update;

    private CheckOptions(Path reference, Path out, Path junit, int threads, boolean update) {
        this.reference = reference;
        this.out = out;
        this.junit = junit;
        this.threads = threads;
        this.update = update;
    }

    /**
     * @return references in {@code results/reference}, runs into {@code results/check}, all cores, no JUnit
     *     report, compare (not update)
     */
    public static CheckOptions defaults() {
        return new CheckOptions(Path.of("results", "reference"), Path.of("results", "check"), null,
                Runtime.getRuntime().availableProcessors(), false);
    }

    /** @param dir the folder of references, {@code dir/<name>/trace.csv} */
    public CheckOptions withReference(Path dir) {
        return new CheckOptions(dir, out, junit, threads, update);
    }

    /** @param dir where each run's outputs go, {@code dir/<name>/} (as {@code ionflux run} writes them) */
    public CheckOptions withOut(Path dir) {
        return new CheckOptions(reference, dir, junit, threads, update);
    }

    /** @param file the JUnit XML report to write, or null for none */
    public CheckOptions withJunit(Path file) {
        return new CheckOptions(reference, out, file, threads, update);
    }

    /** @param n how many scenarios run at once, >= 1 (the verdicts do not depend on it) */
    public CheckOptions withThreads(int n) {
        return new CheckOptions(reference, out, junit, n, update);
    }

    /** @param write true to run and (re)write the references instead of comparing with them */
    public CheckOptions withUpdate(boolean write) {
        return new CheckOptions(reference, out, junit, threads, write);
    }

    /** @return the folder of references */
    public Path reference() {
        return reference;
    }

    /** @return where the runs' outputs go */
    public Path out() {
        return out;
    }

    /** @return the JUnit XML report to write, if any */
    public Optional<Path> junit() {
        return Optional.ofNullable(junit);
    }

    /** @return how many scenarios run at once */
    public int threads() {
        return threads;
    }

    /** @return true when the references are written rather than compared with */
    public boolean update() {
        return update;
    }

    @Override
    public String toString() {
        return "CheckOptions[reference=" + reference + ", out=" + out + ", junit=" + junit + ", threads=" + threads
                + ", update=" + update + "]";
    }
}
