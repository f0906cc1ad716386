package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ionflux.internal.cli.BadInputTest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ionflux.internal.steady.SteadyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code initial_state:} in a scenario (docs/scenario-format.md): a run starts from a {@code steady.json} or a
 * {@code summary.json}; a file that is missing, not a result of ionflux or lacks a column is bad input.
 */
class InitialStateTest {

    @TempDir
    Path tmp;


    /** trace.csv as a header and rows. */
    private record Trace(List<String> header, List<double[]> rows) {
        double at(int row, String column) {
            int i = header.indexOf(column);
            assertThat(i).as(column).isNotNegative();
            return rows.get(row)[i];
        }
    }

    private static Trace trace(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("trace.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(Arrays.stream(line.split(",")).mapToDouble(s -> s.isEmpty() ? Double.NaN
                    : Double.parseDouble(s)).toArray());
        }
        return new Trace(header, rows);
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    /**
     * The test: the Kay cell rested by {@code steady}, then run for 2000 s (ten times its slowest time
     * constant, 197 s) from there, stays within the run's own tolerance {@code atol + rtol |y|} of the steady values
     * in every row. A start off the steady state would show: the scenario's own initial state is 10 mM of Na and
     * 26 mV away, and the slowest mode would carry any error for minutes.
     */
    @Test
    void aKayCellStartedAtItsSteadyStateStaysThere() throws Exception {
        Files.writeString(tmp.resolve("kay.yaml"), SteadyModels.KAY);
        BadInputTest.Result steady = cli("steady", tmp.resolve("kay.yaml").toString(), "--out", tmp.resolve("rest").toString());
        assertThat(steady.code()).as(steady.err()).isZero();
        JsonNode values = json(tmp.resolve("rest/steady.json")).get("values");
        // relative to the scenario's folder
        Files.writeString(tmp.resolve("kay-rested.yaml"), SteadyModels.KAY
                .replace("duration: 20000 s", "duration: 2000 s").replace("output_interval: 100 s",
                        "output_interval: 10 s") + "initial_state: rest/steady.json\n");
        BadInputTest.Result run = cli("run", tmp.resolve("kay-rested.yaml").toString(), "--out", tmp.resolve("run").toString());
        assertThat(run.code()).as(run.err()).isZero();
        Trace t = trace(tmp.resolve("run"));
        assertThat(t.rows()).hasSize(201);
        double rtol = 1e-8;
        double atol = 1e-10;
        for (String column : List.of("plasma.V_mV", "cell.Na_mM", "cell.K_mM", "cell.Cl_mM", "cell.X_mM",
                "cell.volume_pL")) {
            double y = values.get(column).asDouble();
            // the start is the steady state itself (amount = c * volume, read back as amount / volume)
            assertThat(t.at(0, column)).as(column).isCloseTo(y, within(1e-14 * Math.abs(y)));
            for (int row = 0; row < t.rows().size(); row++) {
                assertThat(t.at(row, column)).as(column + " at row " + row)
                        .isCloseTo(y, within(atol + rtol * Math.abs(y)));
            }
        }
        // the scenario's own start is far away: the test above could fail
        assertThat(values.get("cell.Na_mM").asDouble()).isLessThan(110);
        assertThat(values.get("plasma.V_mV").asDouble()).isLessThan(-80);
    }

    /**
     * A run folder keeps the file its run started from ({@code initial_state.json}) beside its scenario copy, whose
     * relative {@code initial_state} would not resolve from there; {@code report} reads the copy with it and
     * explains the state the run started from.
     */
    @Test
    void theRunFolderKeepsTheFileItStartedFromAndTheReportReadsIt() throws Exception {
        Files.writeString(tmp.resolve("kay.yaml"), SteadyModels.KAY);
        BadInputTest.Result steady = cli("steady", tmp.resolve("kay.yaml").toString(), "--out", tmp.resolve("rest").toString());
        assertThat(steady.code()).as(steady.err()).isZero();
        Files.writeString(tmp.resolve("kay-rested.yaml"), SteadyModels.KAY.replace("duration: 20000 s",
                "duration: 200 s") + "initial_state: rest/steady.json\n");
        Path run = tmp.resolve("run");
        BadInputTest.Result r = cli("run", tmp.resolve("kay-rested.yaml").toString(), "--out", run.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(run.resolve("initial_state.json")).hasSameBinaryContentAs(tmp.resolve("rest/steady.json"));
        // the copy alone names a file that is not beside it
        assertThat(run.resolve("rest/steady.json")).doesNotExist();
        org.ionflux.internal.model.Model fromFolder = org.ionflux.internal.scenario.ScenarioReader.read(
                run.resolve("scenario.yaml"), run.resolve("initial_state.json")).model();
        double steadyV = json(tmp.resolve("rest/steady.json")).get("values").get("plasma.V_mV").asDouble();
        assertThat(((org.ionflux.internal.model.PotentialProtocol.Dynamic) fromFolder.membranes().get(0).potential())
                .initialVolts() * 1e3)
                .isCloseTo(steadyV, within(1e-12 * Math.abs(steadyV)));
        BadInputTest.Result report = cli("report", run.toString());
        assertThat(report.code()).as(report.err()).isZero();
        String page = Files.readString(run.resolve("report.html"));
        assertThat(page).doesNotContain("cannot read the scenario copy again")
                .contains("This run started from the state in initial_state.json");
        // the copy counts among a run's own files: a second run replaces the folder
        BadInputTest.Result again = cli("run", tmp.resolve("kay-rested.yaml").toString(), "--out", run.toString());
        assertThat(again.code()).as(again.err()).isZero();
        // the same start through the Java API: Scenario.with("initial_state", ...) (relative to the scenario's folder)
        org.ionflux.Result started = org.ionflux.Ionflux.load(tmp.resolve("kay.yaml"))
                .with("simulation.duration", "200 s").with("initial_state", "rest/steady.json").run();
        assertThat(started.completed()).as(started.error()).isTrue();
        assertThat(started.column("plasma.V_mV")[0]).isCloseTo(steadyV, within(1e-12 * Math.abs(steadyV)));
        // an event cannot set it
        Files.writeString(tmp.resolve("event.yaml"), SteadyModels.KAY + "events:\n  - {at: 1 s, set: "
                + "{initial_state: rest/steady.json}}\n");
        BadInputTest.Result event = cli("run", tmp.resolve("event.yaml").toString(), "--out", tmp.resolve("event").toString());
        assertThat(event.code()).isEqualTo(2);
        assertThat(event.err()).contains("initial_state");
        // a scenario without initial_state keeps no such file
        BadInputTest.Result plain = cli("run", tmp.resolve("kay.yaml").toString(), "--out", tmp.resolve("plain").toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(tmp.resolve("plain/initial_state.json")).doesNotExist();
    }

    /**
     * From a summary.json: the squid axon after its train of ten spikes (gates still recovering, K accumulated in
     * the periaxonal space) starts a new run where the last one ended: potential, concentrations, volumes and the
     * gates are the summary's {@code final}, not the gates' steady state at the initial potential.
     */
    @Test
    void aRunStartsWhereAnotherEnded() throws Exception {
        Path first = tmp.resolve("first");
        BadInputTest.Result r1 = cli("run", "scenarios/hh-squid-axon.yaml", "--out", first.toString());
        assertThat(r1.code()).as(r1.err()).isZero();
        JsonNode last = json(first.resolve("summary.json")).get("final");
        String text = Files.readString(Path.of("scenarios/hh-squid-axon.yaml"));
        Path scenario = tmp.resolve("hh-again.yaml");
        // no stimuli: 2 ms of rest from where the train ended
        Files.writeString(scenario, text.replaceAll("(?s)\nstimuli:.*?\nsimulation:", "\nsimulation:")
                .replace("duration: 200 ms", "duration: 2 ms") + "initial_state: " + first.resolve("summary.json").toAbsolutePath() + "\n");
        Path second = tmp.resolve("second");
        BadInputTest.Result r2 = cli("run", scenario.toString(), "--out", second.toString());
        assertThat(r2.code()).as(r2.err()).isZero();
        Trace t = trace(second);
        List<String> state = List.of("axolemma.V_mV", "axon.Na_mM", "axon.K_mM", "space.Na_mM", "space.K_mM",
                "axolemma.Na_m", "axolemma.Na_h", "axolemma.K_n");
        for (String column : state) {
            double y = last.get(column).asDouble();
            assertThat(t.at(0, column)).as(column).isCloseTo(y, within(1e-13 * Math.abs(y)));
        }
        // K accumulated in the space during the train: the start differs from the scenario's own
        assertThat(last.get("space.K_mM").asDouble()).isGreaterThan(17);
        // the h gate after the train is not its steady state at the final potential (the default start would be)
        double v = last.get("axolemma.V_mV").asDouble();
        double alpha = 0.07 * Math.exp(-(v + 65) / 20);
        double beta = 1 / (1 + Math.exp(-(v + 35) / 10));
        assertThat(Math.abs(last.get("axolemma.Na_h").asDouble() - alpha / (alpha + beta))).isGreaterThan(1e-3);
        // the bath is clamped: a parameter, not state; it stays as the scenario says
        assertThat(t.at(0, "bath.K_mM")).isEqualTo(16.345);
    }

    @Test
    void aMissingFileIsBadInputNamingTheFileAndWritesNothing() throws Exception {
        Path scenario = tmp.resolve("donnan.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/donnan.yaml"))
                + "initial_state: nowhere/steady.json\n");
        Path out = tmp.resolve("out");
        for (String command : List.of("run", "steady")) {
            BadInputTest.Result r = cli(command, scenario.toString(), "--out", out.toString());
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).contains("initial_state").contains(tmp.resolve("nowhere/steady.json").toString())
                    .contains("no such file");
            assertThat(out).doesNotExist();
        }
        assertThat(cli("validate", scenario.toString()).code()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAResultOfIonfluxIsBadInput() throws Exception {
        Path scenario = tmp.resolve("donnan.yaml");
        String donnan = Files.readString(Path.of("scenarios/donnan.yaml"));
        Files.writeString(scenario, donnan + "initial_state: other.json\n");
        Files.writeString(tmp.resolve("other.json"), "{\"final\": {\"plasma.V_mV\": -20}}");
        BadInputTest.Result notOurs = cli("run", scenario.toString(), "--out", tmp.resolve("o1").toString());
        assertThat(notOurs.code()).isEqualTo(2);
        assertThat(notOurs.err()).contains("other.json").contains("not a result of ionflux");
        Files.writeString(tmp.resolve("other.json"), "plasma.V_mV,-20\n");
        BadInputTest.Result notJson = cli("run", scenario.toString(), "--out", tmp.resolve("o2").toString());
        assertThat(notJson.code()).isEqualTo(2);
        assertThat(notJson.err()).contains("other.json").contains("not a result of ionflux");
        Files.writeString(scenario, donnan + "initial_state: [1, 2]\n");
        BadInputTest.Result notText = cli("run", scenario.toString(), "--out", tmp.resolve("o3").toString());
        assertThat(notText.code()).isEqualTo(2);
        assertThat(notText.err()).contains("initial_state").contains("expected text");
        assertThat(tmp.resolve("o1")).doesNotExist();
        assertThat(tmp.resolve("o2")).doesNotExist();
        assertThat(tmp.resolve("o3")).doesNotExist();
    }

    @Test
    void aResultLackingAColumnOrHoldingNoSteadyStateIsBadInput() throws Exception {
        // a run of the Donnan cell that records only the potential
        String donnan = Files.readString(Path.of("scenarios/donnan.yaml"));
        Path recorded = tmp.resolve("donnan-v.yaml");
        Files.writeString(recorded, donnan.replace("simulation:", "simulation:\n  record: [\"*.V_mV\"]"));
        assertThat(cli("run", recorded.toString(), "--out", tmp.resolve("v").toString()).code()).isZero();
        Path scenario = tmp.resolve("donnan.yaml");
        Files.writeString(scenario, donnan + "initial_state: v/summary.json\n");
        BadInputTest.Result lacking = cli("run", scenario.toString(), "--out", tmp.resolve("o").toString());
        assertThat(lacking.code()).isEqualTo(2);
        assertThat(lacking.err()).contains("v/summary.json").contains("lacks 3 columns")
                .contains("cell.K_mM, cell.Cl_mM, cell.A_mM");
        // a swelling cell's steady.json: no values to start from
        Files.writeString(tmp.resolve("swelling.yaml"), SteadyModels.SWELLING);
        assertThat(cli("steady", tmp.resolve("swelling.yaml").toString(), "--out", tmp.resolve("none").toString())
                .code()).isEqualTo(1);
        Files.writeString(tmp.resolve("swelling-rested.yaml"), SteadyModels.SWELLING
                + "initial_state: none/steady.json\n");
        BadInputTest.Result none = cli("run", tmp.resolve("swelling-rested.yaml").toString(), "--out", tmp.resolve("o").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("none/steady.json").contains("no steady state")
                .contains("no_steady_state");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aValueOutOfBoundsIsBadInputNamingTheColumn() throws Exception {
        Path rest = tmp.resolve("rest");
        assertThat(cli("steady", "scenarios/donnan.yaml", "--out", rest.toString()).code()).isZero();
        String json = Files.readString(rest.resolve("steady.json"));
        String k = json(rest.resolve("steady.json")).get("values").get("cell.K_mM").asText();
        Files.writeString(rest.resolve("steady.json"), json.replace("\"cell.K_mM\" : " + k, "\"cell.K_mM\" : -5"));
        Path scenario = tmp.resolve("donnan.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/donnan.yaml"))
                + "initial_state: rest/steady.json\n");
        BadInputTest.Result r = cli("run", scenario.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cell.K_mM (-5.0 mM");
    }
}
