package org.ionflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Ionflux#check} from Java: the verdicts {@code ionflux check} prints, and bad input as an exception. */
class CheckApiTest {

    @TempDir
    Path tmp;

    @Test
    void aShippedScenarioPassesAndAnUpdatedOneIsNew() throws Exception {
        CheckOptions options = CheckOptions.defaults().withOut(tmp.resolve("out")).withThreads(1);
        List<CheckVerdict> verdicts = Ionflux.check(List.of(Path.of("scenarios/seed-chloride.yaml")), options);
        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.scenario()).isEqualTo("seed-chloride");
            assertThat(v.outcome()).isEqualTo(CheckVerdict.Outcome.PASS);
            assertThat(v.passed()).isTrue();
            assertThat(v.line()).isEqualTo("PASS seed-chloride");
            assertThat(v.wallTimeS()).isPositive();
        });

        CheckOptions update = options.withReference(tmp.resolve("ref")).withUpdate(true)
                .withJunit(tmp.resolve("junit.xml"));
        assertThat(Ionflux.check(List.of(Path.of("scenarios/seed-chloride.yaml")), update))
                .extracting(CheckVerdict::outcome).containsExactly(CheckVerdict.Outcome.NEW);
        assertThat(tmp.resolve("ref/seed-chloride/trace.csv")).isRegularFile();
        assertThat(tmp.resolve("junit.xml")).isRegularFile();
    }

    @Test
    void aMissingReferenceIsAVerdictNotAnException() throws Exception {
        Files.createDirectories(tmp.resolve("ref"));
        List<CheckVerdict> verdicts = Ionflux.check(List.of(Path.of("scenarios/seed-chloride.yaml")),
                CheckOptions.defaults().withReference(tmp.resolve("ref")).withOut(tmp.resolve("out")));
        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.outcome()).isEqualTo(CheckVerdict.Outcome.ERROR);
            assertThat(v.passed()).isFalse();
            assertThat(v.reason()).startsWith("no reference: ");
            assertThat(v.line()).startsWith("FAIL seed-chloride: no reference: ");
        });
    }

    @Test
    void badInputIsAnIllegalArgumentAndNothingRuns() {
        assertThatThrownBy(() -> Ionflux.check(List.of(tmp.resolve("nowhere")), CheckOptions.defaults()
                .withOut(tmp.resolve("out")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere: no such file or folder");
        assertThatThrownBy(() -> Ionflux.check(List.of(), CheckOptions.defaults().withThreads(0)
                .withOut(tmp.resolve("out")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--threads must be at least 1");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
