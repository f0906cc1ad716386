package org.ionflux.internal.workflow.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: sweep files written into a test's folder, over the shipped scenarios. */
final class SweepFiles {

    /** The seed scenario, absolute (a sweep file names its scenario relative to itself, or absolute). */
    static final Path SEED = Path.of("scenarios/seed-chloride.yaml").toAbsolutePath();

    private SweepFiles() {
    }

    /**
     * Writes {@code dir/name.yaml}: a sweep over {@code scenario} with the given YAML lines after {@code name} and
     * {@code scenario}.
     */
    static Path write(Path dir, String name, Path scenario, String... lines) throws IOException {
        StringBuilder text = new StringBuilder("name: " + name + "\nscenario: " + scenario + "\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    /**
     * Writes a short copy of the seed scenario (60 s, a row per second) into {@code dir}, for sweeps of many
     * variants.
     */
    static Path shortSeed(Path dir, String duration) throws IOException {
        Path file = dir.resolve("short-seed.yaml");
        Files.writeString(file, Files.readString(SEED).replace("duration: 600 s", "duration: " + duration));
        return file;
    }
}
