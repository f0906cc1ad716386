package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every defective scenario under {@code src/test/resources/bad/} gives exit code 2, a message naming the file,
 * the field (or the line) and what is wrong, no stack trace, and writes nothing.
 */
class BadInputTest {

    static final Path BAD = Path.of("src/test/resources/bad");

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** File, where the message must point ("path" or "file:line:column"), and what it must say. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("malformed.json", "malformed.json:4:1", "not valid JSON"),
                Arguments.of("malformed-yaml.yaml", "malformed-yaml.yaml:14:14",
                        "not valid YAML: expected ',' or '}'"),
                Arguments.of("truncated.yaml", "truncated.yaml:16:", "not valid YAML"),
                Arguments.of("empty.yaml", "empty.yaml: ", "the file is empty"),
                Arguments.of("comments-only.yaml", "comments-only.yaml: ", "the file is empty"),
                Arguments.of("unknown-key.yaml", "membranes.plasma.channels[1].conductanse",
                        "unknown key 'conductanse' (did you mean 'conductance'?)"),
                Arguments.of("missing-field.yaml", "membranes.plasma.area",
                        "required field 'area' is missing (an area, e.g. '1 um^2')"),
                Arguments.of("wrong-type.yaml", "compartments.cell.volume",
                        "expected a volume (a number in pL or a string like '1 pL'), found a list"),
                Arguments.of("wrong-type-bool.yaml", "compartments.bath.clamped",
                        "expected true or false, found the text 'yes please'"),
                Arguments.of("non-integer-charge.yaml", "ions.K.charge",
                        "its charge must be a whole number, found 1.5"),
                Arguments.of("nan.yaml", "compartments.cell.volume", "expected a finite volume, found NaN"),
                Arguments.of("infinite.yaml", "membranes.plasma.area", "expected a finite area, found -Infinity"),
                Arguments.of("nan.json", "compartments.cell.volume", "expected a finite volume, found NaN"),
                Arguments.of("overflow.yaml", "compartments.cell.volume", "expected a finite volume, found 1e999 pL"),
                Arguments.of("negative-volume.yaml", "compartments.cell.volume",
                        "the volume must be greater than 0, found '-1 pL'"),
                Arguments.of("zero-area.yaml", "membranes.plasma.area", "the area must be greater than 0, found '0 um^2'"),
                Arguments.of("zero-duration.yaml", "simulation.duration",
                        "the duration must be greater than 0, found '0 s'"),
                Arguments.of("too-concentrated.yaml", "compartments.cell.concentrations.K",
                        "a concentration must be between 0 and 10 M"),
                Arguments.of("wrong-dimension.yaml", "compartments.cell.volume",
                        "'5 mV' is a potential, but a volume is expected"),
                Arguments.of("unknown-unit.yaml", "simulation.duration", "unknown unit 'parsecs'"),
                Arguments.of("duplicate-key.yaml", "ions.K", "the key 'K' appears twice"),
                Arguments.of("invalid-name.yaml", "compartments.2cell", "'2cell' is not a valid compartment name"),
                Arguments.of("undefined-ion.yaml", "membranes.plasma.channels[0].ion", "'Na' is not a declared ion"),
                Arguments.of("undefined-compartment.yaml", "membranes.plasma.outside",
                        "'bth' is not a compartment (did you mean 'bath'?)"),
                Arguments.of("inside-equals-outside.yaml", "membranes.plasma.outside",
                        "'cell' on both sides; inside and outside must differ"),
                Arguments.of("cycle.yaml", "membranes.plasma", "closes a cycle"),
                Arguments.of("ohmic-absent-side.yaml", "membranes.plasma.channels[1].ion",
                        "needs it on both sides, but 'bath' has none"),
                Arguments.of("clamp-steps-out-of-order.yaml", "membranes.plasma.potential.steps[2].at",
                        "clamp step times must increase strictly"),
                Arguments.of("clamp-step-after-end.yaml", "membranes.plasma.potential.steps[1].at",
                        "is not before the end of the run"),
                Arguments.of("interval-longer-than-duration.yaml", "simulation.output_interval",
                        "is longer than the run"),
                Arguments.of("too-many-rows.yaml", "simulation.output_interval",
                        "the limit is 20000000: use a longer output_interval"),
                Arguments.of("unknown-gating.yaml", "membranes.plasma.channels[0].gating",
                        "unknown gating kinetics 'hh-kk' (did you mean 'hh-k'?)"),
                Arguments.of("unknown-pump.yaml", "membranes.plasma.pumps[0].type", "unknown pump type 'sodium-pump'"),
                Arguments.of("transporter-unknown-species.yaml", "membranes.plasma.transporters[0].stoichiometry.Na",
                        "'Na' is not a declared ion"),
                Arguments.of("yaml-tag.yaml", "yaml-tag.yaml:2:7: name",
                        "the YAML tag '!!javax.script.ScriptEngineManager' is not allowed"),
                Arguments.of("alias-bomb.yaml", "alias-bomb.yaml:3:9",
                        "YAML aliases ('*a') are not allowed in a scenario: write the value out in full (this file "
                                + "has 72 aliases)"),
                Arguments.of("too-deep.yaml", "too-deep.yaml:2:", "nesting depth (65) exceeds the maximum allowed (64)"),
                Arguments.of("path-in-name.yaml", "path-in-name.yaml:2:1: name", "names the output folder"),
                Arguments.of("unknown-solver.yaml", "simulation.solver",
                        "unknown solver 'dormand-prince-85' (did you mean 'dormand-prince-853'?)"),
                Arguments.of("stimulus-on-clamped.yaml", "stimuli[0].membrane", "membrane 'plasma' is clamped"),
                Arguments.of("event-unknown-path.yaml", "events[0].set.membranes.plasma.channels[5].conductance",
                        "index 5 does not exist"),
                Arguments.of("record-no-match.yaml", "record-no-match.yaml:21:12: simulation.record[0]",
                        "the pattern 'cel.*' matches no column; the columns of this model are: t_s, plasma.V_mV, "
                                + "cell.K_mM, cell.Cl_mM, bath.K_mM"),
                Arguments.of("record-malformed.yaml", "record-malformed.yaml:21:27: simulation.record[1]",
                        "malformed pattern '[unclosed': '[' at position 1 cannot be part of a column name"),
                Arguments.of("many-problems.yaml", "4 problems", "many-problems.yaml:13:5: membranes.plasma.area"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void validateExitsTwoAndSaysWhereAndWhat(String file, String where, String what) {
        Result r = cli("validate", BAD.resolve(file).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(file).contains(where).contains(what);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void runExitsTwoAndWritesNothing(String file, String where, String what) throws IOException {
        Path out = tmp.resolve("out");
        Result r = cli("run", BAD.resolve(file).toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(where).contains(what).doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).as("nothing written").isEmpty();
        }
    }

    @Test
    void everyBadFileHasAnExpectation() throws IOException {
        Set<String> expected = badFiles().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(BAD)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void manyProblemsAreAllReportedInFileOrder() {
        Result r = cli("validate", BAD.resolve("many-problems.yaml").toString());
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("4 problems:");
        assertThat(lines.get(1)).contains(":7:10: compartments.cell.volume: '5 mV' is a potential");
        assertThat(lines.get(2)).contains(":12:5: membranes.plasma.outside: 'bth' is not a compartment");
        assertThat(lines.get(3)).contains(":13:5: membranes.plasma.area: the area must be greater than 0, found '-3'");
        assertThat(lines.get(4)).contains(":19:3: simulation.duration: unknown unit 'parsecs'");
    }

    @Test
    void anImpermeantSpeciesMayCarryAMeanValence() throws IOException {
        // the same file as non-integer-charge.yaml with K's charge whole: only A (impermeant, -0.85) is fractional
        Path ok = tmp.resolve("ok.yaml");
        Files.writeString(ok, Files.readString(BAD.resolve("non-integer-charge.yaml"))
                .replace("K: {charge: 1.5}", "K: {charge: 1}"));
        Result r = cli("validate", ok.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }
}
