package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Untrusted files: size, nesting, string length, state size, tags and aliases are bounded or refused. */
class ScenarioLimitsTest {

    @TempDir
    Path tmp;

    private static ScenarioException problems(String text, boolean yaml) {
        try {
            ScenarioReader.parse(text, yaml, yaml ? "bad.yaml" : "bad.json");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected problems in\n" + text);
    }

    private static String nested(int depth, String open, String close) {
        return open.repeat(depth) + close.repeat(depth);
    }

    @Test
    void jacksonEnforcesTheNestingDepthForYamlToo() throws Exception {
        // the reason LocatedTree can rely on Jackson for the depth: its YAML parser applies the constraint
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(10).build();
        YAMLFactory yaml = YAMLFactory.builder().streamReadConstraints(limits).build();
        try (JsonParser p = yaml.createParser("a: " + nested(11, "[", "]"))) {
            assertThatThrownBy(() -> {
                while (p.nextToken() != null) {
                    p.getText();
                }
            }).isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting depth");
        }
    }

    @Test
    void jacksonIgnoresTheStringLengthForYamlSoLocatedTreeChecksIt() throws Exception {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxStringLength(1000).build();
        YAMLFactory yaml = YAMLFactory.builder().streamReadConstraints(limits).build();
        try (JsonParser p = yaml.createParser("a: " + "x".repeat(5000))) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThat(p.getText()).hasSize(5000); // not rejected by Jackson (2.23)
        }
        String longName = "name: " + "x".repeat(LocatedTree.MAX_STRING_LENGTH + 1) + "\n";
        assertThat(problems(longName, true).getMessage()).contains("a text value is 100001 characters long; the "
                + "limit is 100000");
        // keys: Jackson bounds them in JSON, LocatedTree in YAML (an explicit "? key" may be of any length)
        String key = "x".repeat(LocatedTree.MAX_KEY_LENGTH + 1);
        assertThat(problems("{\"" + key + "\": 1}", false).getMessage())
                .contains("a key is longer than 1000 characters, the limit for a key");
        assertThat(problems("? " + key + "\n: 1\n", true).getMessage())
                .contains("a key is 1001 characters long; the limit is 1000");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedInBothFormats() {
        int over = LocatedTree.MAX_NESTING_DEPTH + 1;
        // the root mapping is level 1, so "name: [[...]]" nests one level more than its brackets
        assertThat(problems("name: " + nested(over, "[", "]"), true).getMessage())
                .contains("nesting depth").contains("exceeds the maximum allowed (64)");
        assertThat(problems("{\"name\": " + nested(over, "[", "]") + "}", false).getMessage())
                .contains("nesting depth").contains("exceeds the maximum allowed (64)");
        StringBuilder block = new StringBuilder("a:\n");
        for (int i = 1; i < over + 1; i++) {
            block.append("  ".repeat(i)).append("b:\n");
        }
        assertThat(problems(block.toString(), true).getMessage()).contains("nesting depth");
        // within the limit it is plain data, judged by the reader (no limit message)
        String deepButAllowed = problems("name: " + nested(LocatedTree.MAX_NESTING_DEPTH - 1, "[", "]"), true)
                .getMessage();
        assertThat(deepButAllowed).doesNotContain("nesting").contains("name: expected text, found a list");
    }

    @Test
    void filesAboveTheSizeLimitAreNotRead() throws Exception {
        Path big = tmp.resolve("big.yaml");
        Files.write(big, new byte[(int) ScenarioReader.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> ScenarioReader.read(big)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario files are limited to 10485760 bytes");
    }

    /** Would record its own creation: a YAML tag naming it must never load it. */
    static final class Canary {
        static final AtomicBoolean CREATED = new AtomicBoolean();

        Canary() {
            CREATED.set(true);
        }
    }

    @Test
    void tagsNeverBuildObjects() {
        String canary = "!!" + Canary.class.getName();
        for (String doc : new String[] {"name: " + canary + " {}\n", "name: " + canary + " []\n",
                "name: !!java.net.URL \"http://localhost/\"\n", "name: !custom x\n"}) {
            String message = problems(doc, true).getMessage();
            assertThat(message).contains("name: the YAML tag").contains("is not allowed");
            assertThat(message).as("the tagged value is not reported again as missing")
                    .doesNotContain("required field 'name'");
        }
        assertThat(Canary.CREATED).isFalse();
        // the core-schema tags only name a plain type and are fine
        assertThat(problems("name: !!str 12\n", true).getMessage()).doesNotContain("tag")
                .contains("required field 'ions'");
    }

    @Test
    void anAliasBombIsRefusedWithOneMessageAndNoExpansion() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 20; level++) {
            bomb.append('a').append(level).append(": &a").append(level).append(" [");
            for (int k = 0; k < 10; k++) {
                bomb.append(k > 0 ? ", " : "").append("*a").append(level - 1);
            }
            bomb.append("]\n");
        }
        // 10^21 strings if expanded; read in well under a second and bounded memory
        long start = System.nanoTime();
        ScenarioException e = problems(bomb.toString(), true);
        assertThat((System.nanoTime() - start) * 1e-9).isLessThan(5.0);
        assertThat(e.problems().stream().filter(p -> p.message().contains("aliases")).toList()).hasSize(1);
        assertThat(e.getMessage()).contains("YAML aliases ('*a0') are not allowed").contains("this file has 200 aliases");
    }

    @Test
    void yamlSpecialFloatsAreReadAsNumbersAndRefusedWithTheirPath() {
        String message = problems("name: x\ntemperature: .NaN\nions: {K: {charge: -.Inf}}\n", true).getMessage();
        assertThat(message).contains("temperature: expected a finite temperature, found NaN")
                .contains("ions.K.charge: expected a finite number, found -Infinity");
    }

    @Test
    void tooManyStateVariablesAreRefusedBeforeTheModelIsBuilt() {
        // 2500 ions in 2500 compartments: 6.25 million amounts, in a file of about 100 kB
        StringBuilder doc = new StringBuilder("name: huge\nions:\n");
        for (int i = 0; i < 2500; i++) {
            doc.append("  I").append(i).append(": {charge: 0}\n");
        }
        doc.append("compartments:\n");
        for (int c = 0; c < 2500; c++) {
            doc.append("  c").append(c).append(": {volume: 1}\n");
        }
        doc.append("membranes: {}\nsimulation: {duration: 1, output_interval: 1}\n");
        ScenarioException e = problems(doc.toString(), true);
        assertThat(e.getMessage()).contains("compartments: 2500 ions in 2500 compartments make 6250000 amounts; a "
                + "model may have at most 5000000 state variables");
    }

    @Test
    void theStateCountCoversAmountsVolumesPotentialsGatesAndBookkeeping() throws Exception {
        var model = ScenarioReader.read(Path.of("scenarios/donnan.yaml")).model();
        // 3 ions: cell (3 amounts + volume + charge bookkeeping), bath clamped (1), 3 transfer, 1 potential
        assertThat(StateSize.upperBound(3, model.compartments(), model.membranes())).isEqualTo(5 + 1 + 3 + 1);
    }
}
