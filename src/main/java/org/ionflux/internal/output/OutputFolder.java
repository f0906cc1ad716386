package org.ionflux.internal.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder {@code DIR} a result goes to, its sibling {@code DIR.failed}, and the hidden temporary folder beside
 * them where the outputs are written first (docs/commands.md "Outputs of run"): a complete result is moved to
 * {@code DIR}, a failed or interrupted one to {@code DIR.failed}, so {@code DIR} never holds a partial result.
 * A destination is replaced only if it is absent, empty or an earlier result: never a user's other files.
 */
public final class OutputFolder {

    private final Path target;
    private final Path failed;
    private final Set<String> outputNames;

    private OutputFolder(Path target, Path failed, Set<String> outputNames) {
        this.target = target;
        this.failed = failed;
        this.outputNames = outputNames;
    }

    /**
     * Checks that {@code out} and {@code out.failed} may receive a result.
     *
     * @param out         the chosen folder, as the user named it
     * @param outputNames names of the files this kind of result writes (besides PNG plots)
     * @throws OutputFolderException when either exists and is not an earlier result (nothing is written)
     */
    public static OutputFolder of(Path out, Set<String> outputNames) throws OutputFolderException, IOException {
        if (out.toString().isEmpty()) {
            throw new OutputFolderException("the output folder is empty (--out \"\"): name a folder for the results");
        }
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputFolderException(out + ": the output folder cannot be the root of the file system: "
                    + "choose a folder for the results");
        }
        Path failed = parent.resolve(target.getFileName() + ".failed");
        OutputFolder folder = new OutputFolder(target, failed, outputNames);
        List<String> problems = new ArrayList<>();
        folder.checkReplaceable(target, out.toString(), problems);
        folder.checkReplaceable(failed, out + ".failed", problems);
        if (!problems.isEmpty()) {
            throw new OutputFolderException(String.join("\n", problems));
        }
        return folder;
    }

    /** @return {@code DIR}, absolute */
    public Path target() {
        return target;
    }

    /** @return {@code DIR.failed}, absolute */
    public Path failed() {
        return failed;
    }

    /** @return a new hidden temporary folder beside {@code DIR}, where the outputs are written first */
    public Path newWorkFolder() throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
    }

    /**
     * Moves the finished work folder into {@code DIR} (complete) or {@code DIR.failed}.
     *
     * @return where the outputs are now
     * @throws IOException when the move fails; the message says where the outputs were left
     */
    public Path publish(Path work, boolean complete) throws IOException {
        Path destination = complete ? target : failed;
        try {
            replace(work, destination);
        } catch (IOException e) {
            throw new IOException("could not move the outputs to " + destination + " (" + e.getMessage()
                    + "); they are in " + work, e);
        }
        return destination;
    }

    private boolean isOutput(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && (outputNames.contains(name)
                || name.endsWith(".png"));
    }

    /**
     * A destination may be replaced only if it is absent, an empty folder or an earlier result (a folder with one
     * of the output files and only output files): {@code --out ~} or {@code --out scenarios} must never delete
     * anything else.
     */
    private void checkReplaceable(Path destination, String shown, List<String> problems) throws IOException {
        if (!Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(shown + ": the output folder exists and is not a folder; choose another --out (ionflux only "
                    + "replaces folders holding an earlier result)");
            return;
        }
        try (Stream<Path> entries = Files.list(destination)) {
            List<Path> all = entries.toList();
            boolean earlierResult = all.stream().anyMatch(p -> outputNames.contains(p.getFileName().toString())
                    && !p.getFileName().toString().endsWith(".png")) && all.stream().allMatch(this::isOutput);
            if (!all.isEmpty() && !earlierResult) {
                problems.add(shown + ": the output folder exists and holds files that are not the result of a run; "
                        + "choose another --out (ionflux only replaces folders holding an earlier result, never "
                        + "other files)");
            }
        }
    }

    /** Moves {@code source} to {@code destination}, replacing an earlier folder there only once this is ready. */
    static void replace(Path source, Path destination) throws IOException {
        Path old = null;
        if (Files.exists(destination)) {
            old = destination.resolveSibling("." + destination.getFileName() + ".old-" + System.nanoTime());
            move(destination, old);
        }
        move(source, destination);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
