package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ionflux.internal.output.CsvTraceWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as a separate process, as a user runs it: Ctrl-C (SIGINT) from outside, and a long run in a small
 * heap. The jar is not built yet when tests run, so the process gets the tests' class path.
 */
class EngineProcessIT {

    /** Heap of the long run: the whole 1,000,001-row trace (7 columns) would need well over twice this. */
    static final String SMALL_HEAP = "-Xmx64m";
    /** Rows of the long run: 1000 s at 1 ms, plus the row at 0. */
    static final long LONG_RUN_ROWS = 1_000_001;

    @TempDir
    Path tmp;

    static Process start(Path workDir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        List<String> jvm = new ArrayList<>();
        List<String> program = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-X") ? jvm : program).add(a);
        }
        command.addAll(jvm);
        command.add("org.ionflux.internal.cli.Main");
        command.addAll(program);
        return new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** @return true if the process ignores SIGINT (inherited from a parent started in the background) */
    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // bit of signal 2
            }
        }
        return false;
    }

    /** @return the trace.csv of the hidden work folder of a run into {@code dir/out}, or null */
    /** Skips the test unless /proc and kill are there (signals are sent with kill). */
    static void assumeLinuxWithKill() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")) && (Files.isExecutable(Path.of("/bin/kill"))
                || Files.isExecutable(Path.of("/usr/bin/kill"))), "needs Linux and kill");
    }

    /**
     * @return {@code slow.yaml} in {@code dir}: the Donnan cell (free V) for 20000 s at 1 ms, 20 million rows, far
     *     more than a test lets it write before it signals the process
     */
    static Path slowScenario(Path dir) throws IOException {
        Path scenario = dir.resolve("slow.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/donnan.yaml"))
                .replace("name: donnan", "name: slow").replace("duration: 400 s", "duration: 20000 s")
                .replace("output_interval: 1 s", "output_interval: 1 ms"));
        return scenario;
    }

    static Path partialTrace(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".out.partial-"))
                    .map(p -> p.resolve("trace.csv")).filter(Files::exists).findFirst().orElse(null);
        }
    }

    @Test
    @Timeout(60)
    void ctrlCKeepsTheTraceSoFarInDirFailedAndExits130() throws Exception {
        assumeLinuxWithKill();
        Path scenario = slowScenario(tmp);
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("log.txt");
        Process engine = start(tmp, log, "run", scenario.toString(), "--out", out.toString());
        try {
            Assumptions.assumeFalse(ignoresSigint(engine.pid()), "SIGINT is ignored in this environment");
            Path trace = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && (trace == null || Files.size(trace) < 100_000)) {
                assertThat(engine.isAlive()).as("still running: " + Files.readString(log)).isTrue();
                Thread.sleep(50);
                trace = partialTrace(tmp);
            }
            assertThat(trace).as("the trace is streamed to the temporary folder beside DIR").isNotNull();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(engine.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGINT").isTrue();
            String messages = Files.readString(log);
            assertThat(engine.exitValue()).as(messages).isEqualTo(Main.INTERRUPTED);
            assertThat(messages).contains("slow: interrupted at t = ").contains("is in " + out + ".failed");
        } finally {
            engine.destroyForcibly();
        }
        assertThat(Files.exists(out)).as("DIR is not created by an interrupted run").isFalse();
        Path failed = tmp.resolve("out.failed");
        JsonNode summary = new ObjectMapper().readTree(failed.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("interrupted");
        assertThat(summary.get("error").asText()).isEqualTo("interrupted by the user");
        double stoppedAt = summary.get("failed_at_s").asDouble();
        assertThat(stoppedAt).isPositive().isLessThan(20000);
        // a readable trace, flushed to its last row: every line complete, times k * 1 ms up to the stop
        long rows = 0;
        double last = -1;
        try (BufferedReader in = Files.newBufferedReader(failed.resolve("trace.csv"), StandardCharsets.UTF_8)) {
            String header = in.readLine();
            int width = header.split(",").length;
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                assertThat(cells).hasSize(width);
                double t = CsvTraceWriter.parse(cells[0]);
                assertThat(t).isEqualTo(rows * 1e-3);
                last = t;
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(1000);
        assertThat(last).isLessThanOrEqualTo(stoppedAt);
        assertThat(summary.get("final").get("t_s").asDouble()).isEqualTo(last);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("log.txt", "out.failed", "slow.yaml");
        }
    }

    @Test
    @Timeout(120)
    void aMillionRowRunCompletesInA64MiBHeap() throws Exception {
        // GHK relaxation (7 columns) for 1000 s at 1 ms; kept in memory the trace would take about 75 MB
        // (1,000,001 arrays of 7 doubles: 56 MB of values plus 16 MB of array headers and references)
        Path scenario = tmp.resolve("long.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/ghk-relaxation.yaml"))
                .replace("name: ghk-relaxation", "name: long").replace("duration: 600 s", "duration: 1000 s")
                .replace("output_interval: 0.5 s", "output_interval: 1 ms"));
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("log.txt");
        Process engine = start(tmp, log, SMALL_HEAP, "run", scenario.toString(), "--out", out.toString());
        try {
            assertThat(engine.waitFor(100, TimeUnit.SECONDS)).as("finishes").isTrue();
        } finally {
            engine.destroyForcibly();
        }
        String messages = Files.readString(log);
        assertThat(engine.exitValue()).as(messages).isZero();
        assertThat(messages).contains("long: completed, 1000001 rows").doesNotContain("OutOfMemoryError");
        long lines;
        String lastLine = null;
        try (BufferedReader in = Files.newBufferedReader(out.resolve("trace.csv"), StandardCharsets.UTF_8)) {
            assertThat(in.readLine()).startsWith("t_s,plasma.V_mV,cell.K_mM,");
            lines = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                lastLine = line;
            }
        }
        assertThat(lines).isEqualTo(LONG_RUN_ROWS);
        assertThat(lastLine).startsWith("1000.0,");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("completed");
        assertThat(summary.get("final").get("t_s").asDouble()).isEqualTo(1000.0);
        // c_eq = 32.46 mM (ghk-relaxation.yaml); settled within 1e-6 relative after about 15 tau = 440 s
        assertThat(summary.get("final").get("cell.K_mM").asDouble()).isBetween(32.4, 32.5);
        assertThat(summary.get("time_to_equilibrium_s").get("cell.K_mM").asDouble()).isBetween(400.0, 600.0);
        assertThat(out.resolve("concentrations.png")).isRegularFile();
    }
}
