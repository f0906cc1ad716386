package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ionflux sweep} as a separate process: killed (SIGKILL, nothing flushed on the way out) and resumed, and
 * 100,000 variants in a 256 MiB heap.
 */
class SweepProcessIT {

    /** Heap of the big sweep. */
    static final String SMALL_HEAP = "-Xmx256m";

    @TempDir
    Path tmp;

    private static Process start(Path log, String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.add(heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.ionflux.internal.cli.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Path sweep(String name, String scenarioDuration, String... parameters) throws IOException {
        Path scenario = tmp.resolve(name + "-seed.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/seed-chloride.yaml"))
                .replace("duration: 600 s", "duration: " + scenarioDuration));
        StringBuilder text = new StringBuilder("name: " + name + "\nscenario: " + scenario.getFileName()
                + "\nparameters:\n");
        for (String p : parameters) {
            text.append("  - ").append(p).append('\n');
        }
        text.append("metrics:\n  - {column: cell.Cl_mM, stat: final}\n  - {column: cell.Cl_mM, stat: mean}\n"
                + "  - {column: cell.K_mM, stat: time_to_equilibrium}\n");
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }

    @Test
    @Timeout(300)
    void aKilledSweepResumesToTheSameCsvRunningOnlyTheVariantsWithoutARow() throws Exception {
        Path file = sweep("killed", "600 s",
                "{path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.005, to: 0.5, steps: 60, "
                        + "scale: log}}",
                "{path: compartments.bath.concentrations.Cl, values: [100, 115, 130, 145, 160]}");
        Path whole = tmp.resolve("whole");
        Process p = start(tmp.resolve("whole.log"), "-Xmx512m", "sweep", file.toString(), "--out",
                whole.toString(), "--threads", "2");
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("whole.log"))).isZero();

        Path out = tmp.resolve("out");
        Process killed = start(tmp.resolve("killed.log"), "-Xmx512m", "sweep", file.toString(), "--out",
                out.toString(), "--threads", "2");
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (killed.isAlive() && (seen = lines(out.resolve("sweep.csv"))) < 40 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
        killed.waitFor(30, TimeUnit.SECONDS);
        long rowsAtKill = lines(out.resolve("sweep.csv")) - 1;
        assertThat(rowsAtKill).as("killed midway").isBetween(39L, 299L);

        Path log = tmp.resolve("resume.log");
        Process resumed = start(log, "-Xmx512m", "sweep", file.toString(), "--out", out.toString(), "--threads", "2",
                "--resume");
        assertThat(resumed.waitFor(240, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(log);
        assertThat(resumed.exitValue()).as(text).isZero();
        // every complete row written before the kill is kept; only the others ran again
        String kept = text.replaceAll("(?s).*\\((\\d+) rows kept from the earlier run\\).*", "$1");
        assertThat(Long.parseLong(kept)).isBetween(rowsAtKill - 1, rowsAtKill);
        assertThat(Files.readAllBytes(out.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(
                whole.resolve("sweep.csv")));
    }

    @Test
    @Timeout(600)
    void aHundredThousandVariantsRunInA256MiBHeap() throws Exception {
        // a 2-second run with 3 rows per variant: what grows is the number of variants, not the traces
        Path file = sweep("big", "2 s",
                "{path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.01, to: 1, steps: 400, "
                        + "scale: log}}",
                "{path: compartments.bath.concentrations.Cl, range: {from: 100, to: 160, steps: 250}}");
        Path out = tmp.resolve("big");
        Path log = tmp.resolve("big.log");
        Process p = start(log, SMALL_HEAP, "sweep", file.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(p.waitFor(540, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(log);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("big: 100000 variants, 100000 completed, 0 failed");
        assertThat(lines(out.resolve("sweep.csv"))).isEqualTo(100_001);
        try (var pngs = Files.newDirectoryStream(out, "*.png")) {
            assertThat(pngs).hasSize(6);
        }
    }
}
