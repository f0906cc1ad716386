package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.scenario.ScenarioReader;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.testing.Scenarios;
import org.ionflux.internal.workflow.RunJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times to equilibrium computed while the rows stream give exactly the times of the pass over trace.csv. */
class EquilibriumTimesTest {

    private static final double ATOL = 1e-9;

    @TempDir
    Path tmp;

    private static final List<TraceColumns.Column> COLUMNS = List.of(
            new TraceColumns.Column("t_s", TraceColumns.Kind.TIME),
            new TraceColumns.Column("m.V_mV", TraceColumns.Kind.POTENTIAL),
            new TraceColumns.Column("c.A_mM", TraceColumns.Kind.CONCENTRATION),
            new TraceColumns.Column("c.B_mM", TraceColumns.Kind.CONCENTRATION),
            new TraceColumns.Column("m.I_A_uA_cm2", TraceColumns.Kind.CURRENT),
            new TraceColumns.Column("c.volume_pL", TraceColumns.Kind.VOLUME),
            new TraceColumns.Column("c.C_mM", TraceColumns.Kind.CONCENTRATION));

    /** Both computations on the same rows: the file one reads what CsvTraceWriter wrote. */
    private Map<String, Double>[] both(List<double[]> rows, int maxEntries) throws IOException {
        Path csv = tmp.resolve("trace-" + System.nanoTime() + ".csv");
        EquilibriumTimes.Streaming streaming = new EquilibriumTimes.Streaming(maxEntries);
        streaming.begin(COLUMNS);
        try (CsvTraceWriter w = new CsvTraceWriter(csv)) {
            w.begin(COLUMNS);
            double[] reused = new double[COLUMNS.size()];
            for (double[] row : rows) {
                System.arraycopy(row, 0, reused, 0, reused.length);
                w.row(reused);
                streaming.row(reused);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Double>[] result = new Map[] {
            streaming.times(ATOL),
            EquilibriumTimes.compute(csv, COLUMNS, rows.get(rows.size() - 1), ATOL)};
        return result;
    }

    /** A random trace of shapes that occur: relaxations, oscillations, noise near the end, steps, NaN, inf. */
    private static List<double[]> randomTrace(SplittableRandom random, int n) {
        List<double[]> rows = new ArrayList<>();
        double tau = random.nextDouble(1, n + 1);
        double noise = Math.pow(10, random.nextInt(-14, -3));
        int nanRow = random.nextInt(4) == 0 ? random.nextInt(n) : -1;
        int infRow = random.nextInt(4) == 0 ? random.nextInt(n) : -1;
        double level = random.nextDouble(-100, 100);
        for (int k = 0; k < n; k++) {
            double t = k * 0.5;
            double decay = Math.exp(-k / tau);
            double[] row = new double[COLUMNS.size()];
            row[0] = t;
            row[1] = -70 + 10 * decay * Math.cos(k / 3.0) + noise * random.nextGaussian();
            row[2] = level + 5 * decay;
            row[3] = 140 - 3 * decay + (random.nextInt(3) == 0 ? noise * random.nextGaussian() : 0);
            row[4] = random.nextGaussian();
            row[5] = 1.0 + (k < n / 2 ? 1e-3 : 0) + 1e-9 * random.nextInt(3);
            row[6] = random.nextInt(5) == 0 ? 0.0 : 1e-10 * random.nextInt(30);
            if (k == nanRow) {
                row[2] = Double.NaN;
                row[6] = Double.NaN;
            }
            if (k == infRow) {
                row[3] = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void streamingGivesTheTimesOfTheFilePassOnRandomTraces() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            List<double[]> rows = randomTrace(random, random.nextInt(1, 400));
            Map<String, Double>[] times = both(rows, EquilibriumTimes.Streaming.MAX_ENTRIES);
            assertThat(times[0]).as("trial %d", trial).isNotNull().containsExactlyEntriesOf(times[1]);
        }
    }

    @Test
    void aFinalNanOrInfiniteValueHasNoTime() throws IOException {
        List<double[]> rows = randomTrace(new SplittableRandom(1), 50);
        rows.get(49)[2] = Double.NaN;
        rows.get(49)[3] = Double.POSITIVE_INFINITY;
        Map<String, Double>[] times = both(rows, EquilibriumTimes.Streaming.MAX_ENTRIES);
        assertThat(times[0]).containsExactlyEntriesOf(times[1]).containsEntry("c.A_mM", null)
                .containsEntry("c.B_mM", null);
    }

    @Test
    void aMonotoneColumnIsSettledWhereItEntersItsBand() throws IOException {
        // 100 - k: the band around 0 (final) is 10 atol, so only the last row is within it
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            rows.add(new double[] {k, 100 - k, 1.0, 2.0, 0, 1.0, 0});
        }
        Map<String, Double>[] times = both(rows, EquilibriumTimes.Streaming.MAX_ENTRIES);
        assertThat(times[0]).containsExactlyEntriesOf(times[1]).containsEntry("m.V_mV", 100.0)
                .containsEntry("c.A_mM", 0.0);
    }

    @Test
    void everyShippedScenarioRunGivesTheTimesOfTheFilePass() throws Exception {
        for (Path scenario : Scenarios.allShipped()) {
            LoadedScenario loaded = ScenarioReader.read(scenario);
            org.ionflux.internal.model.Model model = loaded.model();
            Path out = tmp.resolve(model.name());
            RunJob.Outcome outcome = RunJob.run(loaded, out, new RunControl(), false);
            assertThat(outcome.result().status()).isEqualTo(RunResult.Status.COMPLETED);
            JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            List<String> lines = Files.readAllLines(out.resolve("trace.csv"));
            List<TraceColumns.Column> columns = new TraceColumns(new IonFluxSystem(model),
                    model.settings().record()).columns();
            double[] last = Stream.of(lines.get(lines.size() - 1).split(",")).mapToDouble(CsvTraceWriter::parse)
                    .toArray();
            Map<String, Double> expected = EquilibriumTimes.compute(out.resolve("trace.csv"), columns, last,
                    model.settings().absoluteTolerance());
            JsonNode times = summary.get("time_to_equilibrium_s");
            assertThat(times.size()).as(model.name()).isEqualTo(expected.size()).isPositive();
            expected.forEach((name, t) -> assertThat(times.get(name).isNull() ? null : times.get(name).doubleValue())
                    .as(model.name() + " " + name).isEqualTo(t));
        }
    }

    @Test
    void runsThatOutgrowTheMemoryBoundAskForTheFilePass() throws IOException {
        List<double[]> rows = randomTrace(new SplittableRandom(3), 300);
        Map<String, Double>[] times = both(rows, 50);
        assertThat(times[0]).isNull();
        assertThat(times[1]).isNotEmpty();
    }
}
