package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ionflux.internal.output.CsvTraceWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a separate process: the progress bar on a pseudo-terminal ({@code script}) and not when stderr is
 * a file or with {@code --quiet}; SIGTERM handled like Ctrl-C within a bounded time.
 */
class TerminalAndSignalsIT {

    @TempDir
    Path tmp;

    /** The HH axon for 20 s (a hundred times the shipped run): long enough for several redraws of the bar. */
    private Path hhTwoSeconds() throws Exception {
        Path scenario = tmp.resolve("hh.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/hh-squid-axon.yaml"))
                .replace("duration: 200 ms", "duration: 20 s"));
        return scenario;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Runs {@code ionflux ARGS} under {@code script}, whose pseudo-terminal is the process's stdout and stderr. */
    private String underTerminal(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.ionflux.internal.cli.Main"));
        command.addAll(List.of(args));
        String line = command.stream().map(TerminalAndSignalsIT::quote).collect(Collectors.joining(" "));
        Path log = tmp.resolve("typescript.txt");
        Process p = new ProcessBuilder("script", "-qec", line, "/dev/null").redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    @Timeout(300)
    void theProgressBarIsDrawnOnATerminalOnly() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of(
                "/bin/script")), "needs script (util-linux) for a pseudo-terminal");
        Path scenario = hhTwoSeconds();
        String terminal = underTerminal("run", scenario.toString(), "--out", tmp.resolve("a").toString());
        assertThat(terminal).contains("steps/s").contains("% ").contains("t = ").contains(" of 20 s")
                .contains("left").contains("\r").contains("hh-squid-axon: completed");
        // the bar is erased before the final line: that line starts at the beginning of a clean line
        String last = terminal.substring(terminal.lastIndexOf('\r', terminal.indexOf("hh-squid-axon: completed")));
        assertThat(last.replace("\r", "").trim()).startsWith("hh-squid-axon: completed");

        String quiet = underTerminal("run", scenario.toString(), "--out", tmp.resolve("b").toString(), "--quiet");
        assertThat(quiet).contains("hh-squid-axon: completed").doesNotContain("steps/s");

        // stderr to a file: no bar, no carriage return
        Path log = tmp.resolve("piped.txt");
        Process piped = EngineProcessIT.start(tmp, log, "run", scenario.toString(), "--out",
                tmp.resolve("c").toString());
        assertThat(piped.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String messages = Files.readString(log);
        assertThat(piped.exitValue()).as(messages).isZero();
        assertThat(messages).contains("hh-squid-axon: completed").doesNotContain("steps/s").doesNotContain("\r");
    }

    @Test
    @Timeout(90)
    void sigtermLeavesDirFailedWithACompleteTraceAndNoOtherFolder() throws Exception {
        EngineProcessIT.assumeLinuxWithKill();
        Path scenario = EngineProcessIT.slowScenario(tmp);
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("log.txt");
        Process engine = EngineProcessIT.start(tmp, log, "run", scenario.toString(), "--out", out.toString());
        long signalled;
        try {
            Path trace = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && (trace == null || Files.size(trace) < 100_000)) {
                assertThat(engine.isAlive()).as("still running: " + Files.readString(log)).isTrue();
                Thread.sleep(50);
                trace = EngineProcessIT.partialTrace(tmp);
            }
            assertThat(trace).isNotNull();
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(engine.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            signalled = System.nanoTime();
            assertThat(engine.waitFor(RunCommand.INTERRUPT_GRACE_S + 20, TimeUnit.SECONDS)).as("exits after SIGTERM")
                    .isTrue();
        } finally {
            engine.destroyForcibly();
        }
        double seconds = (System.nanoTime() - signalled) / 1e9;
        String messages = Files.readString(log);
        assertThat(seconds).as("bounded: the grace and a little").isLessThan(RunCommand.INTERRUPT_GRACE_S + 5);
        assertThat(engine.exitValue()).as(messages).isEqualTo(128 + 15);
        assertThat(messages).contains("slow: interrupted at t = ").contains("is in " + out + ".failed");
        Path failed = tmp.resolve("out.failed");
        JsonNode summary = new ObjectMapper().readTree(failed.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("interrupted");
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(failed.resolve("trace.csv"), StandardCharsets.UTF_8)) {
            int width = in.readLine().split(",").length;
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                assertThat(cells).hasSize(width);
                assertThat(CsvTraceWriter.parse(cells[0])).isEqualTo(rows * 1e-3);
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(1000);
        assertThat(summary.get("final").get("t_s").asDouble()).isEqualTo((rows - 1) * 1e-3);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("no DIR, no hidden temporary folder").containsExactly("log.txt", "out.failed", "slow.yaml");
        }
    }
}
