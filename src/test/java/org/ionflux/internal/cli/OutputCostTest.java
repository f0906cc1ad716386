package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ionflux.internal.cli.BadInputTest.Result;
import org.ionflux.internal.output.OutputEstimate;
import org.ionflux.internal.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** The size of a run's trace, estimated and refused before the run; the progress bar's line. */
class OutputCostTest {

    @TempDir
    Path tmp;

    private Path hh(String duration, String interval) throws Exception {
        Path scenario = tmp.resolve("hh.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/hh-squid-axon.yaml"))
                .replace("duration: 200 ms", "duration: " + duration)
                .replace("output_interval: 0.05 ms", "output_interval: " + interval));
        return scenario;
    }

    @Test
    void theEstimateIsCloseToWhatARunWrites() throws Exception {
        Path scenario = hh("200 ms", "0.05 ms");
        OutputEstimate estimate = OutputEstimate.of(ScenarioReader.read(scenario).model());
        Path out = tmp.resolve("out");
        assertThat(BadInputTest.cli("run", scenario.toString(), "--out", out.toString()).code()).isZero();
        long written = Files.size(out.resolve("trace.csv"));
        assertThat(estimate.rows()).isEqualTo(4001);
        assertThat(Files.readAllLines(out.resolve("trace.csv")).get(0).split(",")).hasSize(estimate.columns());
        assertThat((double) estimate.bytes()).isBetween(0.7 * written, 1.5 * written);
    }

    @Test
    void aTraceAboveTheDefaultLimitIsRefusedBeforeTheRunAndNothingIsWritten() throws Exception {
        // 20 million rows (the row limit) of the HH axon's columns: far above 10 GB
        Path scenario = hh("1000 s", "0.05 ms");
        Path out = tmp.resolve("out");
        Result r = BadInputTest.cli("run", scenario.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("hh-squid-axon: trace.csv would be about ").contains("(20000001 rows x ")
                .contains("above the limit of 10.0 GB (--max-output)").contains("nothing was written");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("hh.yaml");
        }
    }

    @Test
    void maxOutputLowersOrRaisesTheLimit() throws Exception {
        Path scenario = hh("200 ms", "0.05 ms");
        Result refused = BadInputTest.cli("run", scenario.toString(), "--out", tmp.resolve("a").toString(),
                "--max-output", "100kB");
        assertThat(refused.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(refused.err()).contains("above the limit of 100 kB (--max-output)");
        assertThat(tmp.resolve("a")).doesNotExist();
        Result raised = BadInputTest.cli("run", scenario.toString(), "--out", tmp.resolve("b").toString(),
                "--max-output", "1GB");
        assertThat(raised.code()).isZero();
        assertThat(raised.err()).as("a small trace is not announced").doesNotContain("will be about");
        Result bad = BadInputTest.cli("run", scenario.toString(), "--max-output", "lots");
        assertThat(bad.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err()).contains("'lots' is not a size");
    }

    @Test
    void aTraceOfAGigabyteOrMoreIsAnnouncedBeforeTheRun() throws Exception {
        // 20 million rows of a cell already at equilibrium: about 2.4 GB announced; the run stops at its steady
        // state after a few rows
        Path scenario = tmp.resolve("still.yaml");
        Files.writeString(scenario, """
                name: still
                ions: {K: {charge: 1}}
                compartments:
                  cell: {volume: 1 pL, concentrations: {K: 140}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {K: 140}}
                membranes:
                  plasma: {inside: cell, outside: bath, area: 1000 um^2, potential: {mode: clamp, value: 0 mV},
                           channels: [{ion: K, conductance: 1 mS/cm^2}]}
                simulation: {duration: 1e6 s, output_interval: 0.05 s, stop_at_steady_state: true}
                """);
        OutputEstimate estimate = OutputEstimate.of(ScenarioReader.read(scenario).model());
        assertThat(estimate.bytes()).isBetween(RunCommand.ANNOUNCED_OUTPUT, RunCommand.DEFAULT_MAX_OUTPUT);
        Result r = BadInputTest.cli("run", scenario.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("still: trace.csv will be about " + OutputEstimate.format(estimate.bytes())
                + " (20000001 rows x " + estimate.columns() + " columns)");
    }

    @Test
    void aTraceLargerThanTheFreeSpaceIsRefused() {
        OutputEstimate huge = new OutputEstimate(1, 1, Long.MAX_VALUE / 2);
        String why = RunCommand.tooLarge(huge, Long.MAX_VALUE, tmp.resolve("not/yet/there"), "big");
        assertThat(why).startsWith("big: trace.csv would be about ").contains(" free on the disk of " + tmp)
                .contains("choose another --out");
        assertThat(RunCommand.tooLarge(new OutputEstimate(10, 3, 600), Long.MAX_VALUE, tmp, "small")).isNull();
    }

    @Test
    void sizesAreReadWithTheirUnits() {
        RunCommand.ByteSize size = new RunCommand.ByteSize();
        assertThat(size.convert("10GB")).isEqualTo(10_000_000_000L);
        assertThat(size.convert("1.5 TB")).isEqualTo(1_500_000_000_000L);
        assertThat(size.convert("500MB")).isEqualTo(500_000_000L);
        assertThat(size.convert("2GiB")).isEqualTo(2L << 30);
        assertThat(size.convert("12345")).isEqualTo(12345L);
        assertThatThrownBy(() -> size.convert("0")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> size.convert("-1GB")).isInstanceOf(TypeConversionException.class);
        assertThat(OutputEstimate.format(163e9)).isEqualTo("163 GB");
        assertThat(OutputEstimate.format(1.6e6)).isEqualTo("1.60 MB");
        assertThat(OutputEstimate.format(980)).isEqualTo("980 B");
    }

    @Test
    void theProgressLineSaysWhereTheRunIsAndWhatIsLeft() {
        assertThat(Progress.line(222, 600, 1840, 30)).isEqualTo(
                "[########................]  37%  t = 222 s of 600 s, 1840 steps/s, 51 s left");
        assertThat(Progress.line(0, 1e6, 0, 0.5)).contains("  0%").contains("of 1e+06 s").contains("time left unknown");
        assertThat(Progress.line(3, 3, 10, 4)).contains("100%").contains("writing the outputs");
        assertThat(Progress.duration(3725)).isEqualTo("1 h 2 min");
        assertThat(Progress.duration(64)).isEqualTo("1 min 4 s");
        assertThat(Progress.seconds(0.0252)).isEqualTo("0.0252 s");
    }
}
