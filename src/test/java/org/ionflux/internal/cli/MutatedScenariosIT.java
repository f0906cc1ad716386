package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded property test: the shipped scenarios, mutated the ways files go wrong (a key deleted, a value of the
 * wrong type, garbage inserted, the text cut short, a key duplicated, a number made absurd), in YAML and JSON.
 * Whatever the file, the engine never crashes: validate exits 0 or 2, run exits 0, 1 or 2, no internal error or
 * stack trace is printed, and a run that exits 2 writes nothing.
 */
class MutatedScenariosIT {

    /** Mutated files per shipped scenario. */
    static final int CASES_PER_SCENARIO = 30;
    /** Every n-th case is mutated as JSON (converted from the YAML first). */
    static final int JSON_EVERY = 4;
    /** Output rows kept per run, to keep every run short: the output interval is set to duration / this. */
    static final int ROWS_PER_RUN = 4;

    private static final long SEED = 20_240_601L;
    private static final Pattern SIMULATION_TIMES = Pattern.compile(
            "(?m)^  duration: *([0-9.eE+-]+) *([a-z]*)\\s*$[\\s\\S]*?^  output_interval: *[^\\n#]*");
    private static final String[] WRONG_TYPES = {"[1, 2]", "{a: 1}", "true", "\"text\"", "", "null", "-1", "0",
        ".nan", "-.inf", "1e999", "5 mV", "3 parsecs", "!!java.net.URL x", "*alias", "&anchor 1", "'", "10 M"};
    private static final String GARBAGE = ":{}[],-&*!|>'\"#%@`\t\n ?~=^\\/\u00b5\u00e9x0.";

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Path file : Scenarios.allShipped()) {
            for (int i = 0; i < CASES_PER_SCENARIO; i++) {
                cases.add(Arguments.of(file.getFileName().toString(), i));
            }
        }
        return cases.stream();
    }

    /** The scenario with its output interval coarsened so that each run writes a handful of rows. */
    static String shortened(String yaml) {
        Matcher m = SIMULATION_TIMES.matcher(yaml);
        if (!m.find()) {
            throw new AssertionError("no simulation block to shorten");
        }
        double duration = Double.parseDouble(m.group(1));
        String unit = m.group(2).isEmpty() ? "s" : m.group(2);
        String times = m.group().replaceFirst("output_interval: *[^\\n#]*",
                "output_interval: " + duration / ROWS_PER_RUN + " " + unit);
        return yaml.substring(0, m.start()) + times + yaml.substring(m.end());
    }

    static String toJson(String yaml) throws IOException {
        Object tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    /** Applies one to three random mutations. */
    static String mutate(String text, Random random, boolean json) {
        String result = text;
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            result = mutateOnce(result, random, json);
        }
        return result;
    }

    private static String mutateOnce(String text, Random random, boolean json) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int[] keyed = java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains(":") && !lines.get(i).strip().startsWith("#")).toArray();
        int line = keyed.length == 0 ? 0 : keyed[random.nextInt(keyed.length)];
        switch (random.nextInt(6)) {
            case 0: // delete a key (its whole line)
                lines.remove(line);
                return String.join("\n", lines);
            case 1: { // change a value's type
                String l = lines.get(line);
                int colon = l.indexOf(':');
                String value = WRONG_TYPES[random.nextInt(WRONG_TYPES.length)];
                if (json) {
                    value = value.startsWith("[") || value.startsWith("{") || value.equals("true")
                            || value.equals("null") || value.matches("-?[0-9.e]+") ? value.replace("a:", "\"a\":")
                            : "\"" + value.replace("\"", "") + "\"";
                    value += l.strip().endsWith(",") ? "," : "";
                }
                lines.set(line, l.substring(0, colon + 1) + " " + value);
                return String.join("\n", lines);
            }
            case 2: { // insert garbage at a random place
                int at = random.nextInt(text.length() + 1);
                StringBuilder junk = new StringBuilder();
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    junk.append(GARBAGE.charAt(random.nextInt(GARBAGE.length())));
                }
                return text.substring(0, at) + junk + text.substring(at);
            }
            case 3: // truncate the text at a random point
                return text.substring(0, random.nextInt(text.length() + 1));
            case 4: // duplicate a key (its line, right after itself)
                lines.add(line + 1, lines.get(line));
                return String.join("\n", lines);
            default: { // make a number absurd
                Matcher number = Pattern.compile("(?<![A-Za-z_])[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (number.find()) {
                    spans.add(new int[] {number.start(), number.end()});
                }
                if (spans.isEmpty()) {
                    return text;
                }
                int[] span = spans.get(random.nextInt(spans.size()));
                String[] absurd = {"0", "-1", "1e300", "1e-300", "99999999999999999999", "0.5", "1e999"};
                return text.substring(0, span[0]) + absurd[random.nextInt(absurd.length)] + text.substring(span[1]);
            }
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("cases")
    void theEngineNeverCrashesAndBadInputWritesNothing(String scenario, int index) throws Exception {
        Random random = new Random(SEED + 1000L * scenario.hashCode() + index);
        String text = shortened(Files.readString(Scenarios.SHIPPED.resolve(scenario)));
        boolean json = index % JSON_EVERY == JSON_EVERY - 1;
        if (json) {
            text = toJson(text);
        }
        String mutated = mutate(text, random, json);
        Path file = tmp.resolve("case." + (json ? "json" : "yaml"));
        Files.writeString(file, mutated);
        String context = "mutated " + scenario + ":\n" + mutated;

        BadInputTest.Result validate = BadInputTest.cli("validate", file.toString());
        assertThat(validate.code()).as(context + "\n" + validate.err()).isIn(Main.OK, Main.BAD_INPUT);
        assertNoCrash(validate, context);

        Path out = tmp.resolve("out");
        BadInputTest.Result run = BadInputTest.cli("run", file.toString(), "--out", out.toString());
        assertThat(run.code()).as(context + "\n" + run.err()).isIn(Main.OK, Main.ENGINE_FAILURE, Main.BAD_INPUT);
        assertThat(run.code() == Main.BAD_INPUT).as("run and validate agree\n" + context)
                .isEqualTo(validate.code() == Main.BAD_INPUT);
        assertNoCrash(run, context);
        try (Stream<Path> files = Files.list(tmp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            switch (run.code()) {
                case Main.OK -> assertThat(names).as(context).containsExactly(file.getFileName().toString(), "out");
                case Main.ENGINE_FAILURE -> assertThat(names).as(context)
                        .containsExactly(file.getFileName().toString(), "out.failed");
                default -> assertThat(names).as("bad input writes nothing\n" + context)
                        .containsExactly(file.getFileName().toString());
            }
        }
    }

    private static void assertNoCrash(BadInputTest.Result r, String context) {
        assertThat(r.err()).as(context).doesNotContain("internal error").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }
}
