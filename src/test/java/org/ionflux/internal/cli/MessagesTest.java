package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ionflux.internal.cli.BadInputTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rough edges of issue 13's messages: articles, one problem per defect (no "found NaN" after a value that
 * could not be read), a key longer than the limit named as such, an empty {@code --out}.
 */
class MessagesTest {

    @TempDir
    Path tmp;

    static final String GOOD = """
            name: good
            ions: {Ca: {charge: 2}, K: {charge: 1}, Cl: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140, Cl: 10, Ca: 100 nM}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5, Cl: 120, Ca: 2}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, value: -70 mV}
                channels:
                  - {ion: K, conductance: 0.1 mS/cm^2}
                  - {ion: Cl, conductance: 0.1 mS/cm^2}
                pumps: [{type: pmca, max_current: 0.1 uA/cm^2, km: 0.2 uM, hill: 1}]
            simulation: {duration: 10 s, output_interval: 1 s}
            """;

    private Result validate(String yaml) throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, yaml);
        return BadInputTest.cli("validate", file.toString());
    }

    @Test
    void theGoodScenarioIsValid() throws Exception {
        assertThat(validate(GOOD).code()).as(validate(GOOD).err()).isZero();
    }

    @Test
    void anAreaTakesAnArticleThatFits() throws Exception {
        Result text = validate(GOOD.replace("area: 1000 um^2", "area: lots"));
        assertThat(text.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(text.err()).contains("membranes.plasma.area: 'lots' is not an area;").doesNotContain("a area");
        Result list = validate(GOOD.replace("area: 1000 um^2", "area: [1]"));
        assertThat(list.err()).contains("expected an area (a number in um^2").doesNotContain("a area");
        Result other = validate(GOOD.replace("area: 1000 um^2", "area: 5 mV"));
        assertThat(other.err()).contains("'5 mV' is a potential, but an area is expected");
        Result unit = validate(GOOD.replace("area: 1000 um^2", "area: 5 acres"));
        assertThat(unit.err()).contains("unknown unit 'acres' in '5 acres'; an area takes");
    }

    @Test
    void aTemperatureThatCannotBeReadIsOneProblemWithoutNaN() throws Exception {
        Result r = validate("temperature: 98.6 degF\n" + GOOD);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("temperature: unknown unit 'degF'").doesNotContain("NaN");
        assertThat(r.err().lines().filter(l -> l.contains("temperature")).count()).isEqualTo(1);
    }

    @Test
    void unreadableNumbersAreOneProblemEach() throws Exception {
        Result rtol = validate(GOOD.replace("output_interval: 1 s}", "output_interval: 1 s, rtol: tight}"));
        assertThat(rtol.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(rtol.err()).contains("simulation.rtol").doesNotContain("NaN");
        assertThat(rtol.err().lines().filter(l -> l.contains("simulation.rtol")).count()).isEqualTo(1);
        Result hill = validate(GOOD.replace("hill: 1}", "hill: steep}"));
        assertThat(hill.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(hill.err()).contains("membranes.plasma.pumps[0].hill").doesNotContain("NaN");
        assertThat(hill.err().lines().filter(l -> l.contains(".hill")).count()).isEqualTo(1);
        // a value that was read but is out of range is still refused, with its value
        assertThat(validate(GOOD.replace("hill: 1}", "hill: 0.5}")).err())
                .contains("the Hill coefficient must be a finite number >= 1, found 0.5");
        assertThat(validate(GOOD.replace("output_interval: 1 s}", "output_interval: 1 s, rtol: 2}")).err())
                .contains("rtol must be between 0 and 1 (exclusive), found 2.0");
    }

    @Test
    void aVeryLongKeyIsNamedWithItsLengthAndTheLimit() throws Exception {
        Result r = validate(GOOD + "x".repeat(200_000) + ": 1\n");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("s.yaml:17:1").contains("a key is 200000 characters long; the limit is 1000")
                .doesNotContain("could not find expected ':'");
        assertThat(r.err().length()).isLessThan(2000);
        // the same key in JSON
        Path json = tmp.resolve("s.json");
        Files.writeString(json, "{\"" + "y".repeat(200_000) + "\": 1}");
        Result j = BadInputTest.cli("validate", json.toString());
        assertThat(j.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(j.err()).contains("s.json:1:").contains("a key is longer than 1000 characters, the limit for a key")
                .doesNotContain("3999");
    }

    @Test
    void anEmptyOutIsRefusedAsSuchAndWritesNothing() throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, GOOD);
        Path cwd = Path.of("").toAbsolutePath();
        long before;
        try (Stream<Path> s = Files.list(cwd)) {
            before = s.count();
        }
        Result r = BadInputTest.cli("run", file.toString(), "--out", "");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("the output folder is empty (--out \"\")").doesNotContain("holds files");
        try (Stream<Path> s = Files.list(cwd)) {
            assertThat(s.count()).isEqualTo(before);
        }
    }
}
