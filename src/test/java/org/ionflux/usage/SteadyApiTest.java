package org.ionflux.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.Ionflux;
import org.ionflux.Scenario;
import org.ionflux.SteadyState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Scenario.steady()} as a user sees it: the content of steady.json through the public API. */
class SteadyApiTest {

    @TempDir
    Path tmp;

    @Test
    void theDonnanCellSettlesWhereBothIonsAreAtEquilibrium() throws Exception {
        SteadyState s = Ionflux.load(Path.of("scenarios/donnan.yaml")).steady();
        assertThat(s.status()).isEqualTo("steady");
        assertThat(s.isSteady()).isTrue();
        assertThat(s.message()).isNull();
        assertThat(s.method()).isEqualTo("newton");
        assertThat(s.iterations()).isPositive();
        assertThat(s.residual()).isLessThanOrEqualTo(1e-3);
        assertThat(s.atS()).isZero();
        assertThat(s.values()).containsKey("cell.K_mM").doesNotContainKey("t_s");
        assertThat(s.value("plasma.V_mV")).isCloseTo(-23.556, within(1e-3));
        assertThat(s.membranes().get("plasma").get("Cl").atEquilibrium()).isTrue();
        assertThat(s.conserved()).extracting(SteadyState.Conserved::description).contains("A amount in cell");
        SteadyState.Conserved a = s.conserved().stream().filter(c -> c.description().equals("A amount in cell"))
                .findFirst().orElseThrow();
        // 100 mM in 1 pL
        assertThat(a.value()).isCloseTo(1e-13, within(1e-25));
        assertThat(a.unit()).isEqualTo("mol");
        // the membrane charges in a millisecond, the ions redistribute in tens of seconds
        List<SteadyState.TimeConstant> taus = s.timeConstants();
        assertThat(taus.get(0).tauS()).isGreaterThan(10);
        assertThat(taus.get(taus.size() - 1).tauS()).isLessThan(0.01);
        assertThat(taus.get(taus.size() - 1).dominant()).containsExactly("plasma.V_mV");
        assertThatThrownBy(() -> s.value("cell.k_mM")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell.K_mM");
    }

    @Test
    void theParametersOfALaterTimeAndOfAChangedScenario() throws Exception {
        Scenario cell = Ionflux.load(Path.of("scenarios/pump-leak-cell.yaml"));
        double rest = cell.steady().value("cell.volume_pL");
        // at 1200 s an event blocks the pump
        assertThat(cell.steady(1200).value("cell.volume_pL")).isGreaterThan(4 * rest);
        // a weaker pump leaves more Na in (a constant pump of 6 uA/cm^2 would need a negative Na: no steady state)
        double na = cell.steady().value("cell.Na_mM");
        assertThat(cell.with("membranes.plasma.pumps[0].max_current", "4.5 uA/cm^2").steady().value("cell.Na_mM"))
                .isGreaterThan(na);
        assertThat(cell.with("membranes.plasma.pumps[0].max_current", "6 uA/cm^2").steady().message())
                .contains("amount of Na in cell would have to go negative");
        assertThatThrownBy(() -> cell.steady(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cell.steady(1e9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noSteadyStateIsAnAnswerNotAnException() throws Exception {
        Scenario cell = Ionflux.load(Path.of("scenarios/pump-leak-cell.yaml"))
                .with("compartments.bath.concentrations.Y", 0).with("compartments.bath.concentrations.Cl", 148.5)
                .with("membranes.plasma.pumps[0].max_current", 0);
        SteadyState s = cell.steady();
        assertThat(s.status()).isEqualTo("no_steady_state");
        assertThat(s.isSteady()).isFalse();
        assertThat(s.message()).contains("volume of cell");
        assertThat(s.values()).isEmpty();
        assertThatThrownBy(() -> s.value("cell.Na_mM")).hasMessageContaining("no steady state");
    }

    @Test
    void writeGivesTheFileTheCommandWrites() throws Exception {
        Scenario donnan = Ionflux.load(Path.of("scenarios/donnan.yaml"));
        Path dir = donnan.steady().write(tmp.resolve("donnan"));
        assertThat(dir.resolve("steady.json")).isRegularFile();
        assertThat(Files.readString(dir.resolve("steady.json"))).contains("\"status\" : \"steady\"")
                .contains("\"time_constants\"");
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        assertThatThrownBy(() -> donnan.steady().write(mine)).isInstanceOf(java.io.IOException.class);
        assertThat(donnan.explain()).contains("Where it settles").contains("V = -23.56 mV");
    }

    /**
     * Rest a model once, then start from there: a scenario whose {@code initial_state} is its own steady.json is
     * already steady (Newton's first correction is below the tolerance), with the same values to 1e-9 relative
     * (the file keeps 17 digits), and a parameter changed with {@code with} still finds the file (relative paths are
     * resolved from the scenario's folder, which the changed scenario keeps).
     */
    @Test
    void aScenarioStartedFromItsOwnSteadyStateIsAlreadyThere() throws Exception {
        Path donnan = tmp.resolve("donnan.yaml");
        Files.writeString(donnan, Files.readString(Path.of("scenarios/donnan.yaml")));
        SteadyState first = Ionflux.load(donnan).steady();
        first.write(tmp.resolve("rest"));
        Path rested = tmp.resolve("donnan-rested.yaml");
        Files.writeString(rested, Files.readString(donnan) + "initial_state: rest/steady.json\n");
        Scenario scenario = Ionflux.load(rested);
        SteadyState again = scenario.steady();
        assertThat(again.isSteady()).isTrue();
        assertThat(again.iterations()).isLessThanOrEqualTo(1);
        assertThat(first.iterations()).isGreaterThan(3);
        first.values().forEach((column, v) -> assertThat(again.value(column)).as(column)
                .isCloseTo(v, within(1e-9 * Math.abs(v) + 1e-12)));
        // the run starts at rest: its first row is the steady state
        assertThat(scenario.run().column("plasma.V_mV")[0]).isCloseTo(first.value("plasma.V_mV"), within(1e-12));
        Scenario changed = scenario.with("compartments.bath.concentrations.K", "60 mM");
        assertThat(changed.steady().value("cell.K_mM")).isGreaterThan(first.value("cell.K_mM"));
    }
}
