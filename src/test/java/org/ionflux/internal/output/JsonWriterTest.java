package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of summary.json and bench, against Jackson writing and reading the same values. */
class JsonWriterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void prettyLayoutIsJacksonsDefaultPrettyPrinter() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("scenario", "seed-chloride");
        expected.put("count", 602L);
        expected.put("unknown", null);
        expected.put("flag", true);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("rtol", 1e-8);
        inner.put("duration_s", 2400.0);
        expected.put("options", inner);
        expected.put("empty", Map.of());
        expected.put("last", -0.5);

        String ours = new JsonWriter(true).beginObject()
                .name("scenario").value("seed-chloride")
                .name("count").value(602L)
                .name("unknown").nullValue()
                .name("flag").value(true)
                .name("options").beginObject().name("rtol").value(1e-8).name("duration_s").value(2400.0).endObject()
                .name("empty").beginObject().endObject()
                .name("last").value(-0.5)
                .endObject().toString();
        assertThat(ours).isEqualTo(JACKSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(expected));
    }

    @Test
    void compactLayoutIsJacksonsCompactOutput() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", "x");
        expected.put("b", Map.of("median", 0.25));
        expected.put("c", 3L);
        String ours = new JsonWriter(false).beginObject().name("a").value("x")
                .name("b").beginObject().name("median").value(0.25).endObject().name("c").value(3L)
                .endObject().toString();
        assertThat(ours).isEqualTo(JACKSON.writeValueAsString(expected));
    }

    @Test
    void everyCharacterReadsBackThroughJackson() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x600; c++) {
            all.append(c);
        }
        all.append("\"\\/ \u2028\u2029 \uD83D\uDE00 Cl\u207B \u00B5M");
        String text = all.toString();
        String json = new JsonWriter(true).beginObject().name(text).value(text).endObject().toString();
        JsonNode back = JACKSON.readTree(json);
        assertThat(back.get(text).asText()).isEqualTo(text);
    }

    @Test
    void doublesReadBackExactlyAndNonFiniteOnesAreNull() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        JsonWriter json = new JsonWriter(true).beginObject();
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 20));
            if (Double.isNaN(values[i])) {
                values[i] = 0.0;
            }
            json.name("v" + i).value(values[i]);
        }
        json.name("nan").value(Double.NaN).name("inf").value(Double.POSITIVE_INFINITY)
                .name("boxedNull").value((Double) null).name("boxed").value(Double.valueOf(0.1));
        JsonNode back = JACKSON.readTree(json.endObject().toString());
        for (int i = 0; i < values.length; i++) {
            assertThat(back.get("v" + i).doubleValue()).isEqualTo(values[i]);
        }
        assertThat(back.get("nan").isNull()).isTrue();
        assertThat(back.get("inf").isNull()).isTrue();
        assertThat(back.get("boxedNull").isNull()).isTrue();
        assertThat(back.get("boxed").doubleValue()).isEqualTo(0.1);
    }

    @Test
    void misuseIsRefused() {
        assertThatThrownBy(() -> new JsonWriter(true).beginObject().value(1.0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(true).beginObject().name("a").endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(true).name("a")).isInstanceOf(IllegalStateException.class);
    }
}
