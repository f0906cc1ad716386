package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.testing.Scenarios;
import org.ionflux.internal.workflow.check.CheckPlan;
import org.ionflux.internal.workflow.check.CheckRunner;
import org.ionflux.internal.workflow.check.Verdict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression check of every shipped scenario against its golden outputs in {@code results/reference/<name>/},
 * by the code of {@code ionflux check} (the same runs, comparison, tolerances and invariants; WORKFLOWS.md
 * section 2): same columns, same output times, every value within {@code atol + rtol |ref|} (rtol 1e-5, atol by
 * unit), mass and charge invariants within 1e-9. A scenario without a reference fails. The references are written
 * by {@code ionflux check scenarios --update}.
 *
 * <p>A reference is never the only thing saying the physics is right: the GHK and ohmic relaxations and the Donnan
 * equilibrium are checked against their exact solutions ({@code ExactSolutionsTest}), the Hodgkin-Huxley axon
 * against an independent integration ({@code HodgkinHuxleyReferenceTest}).
 */
class ReferenceTracesTest {

    @TempDir
    Path out;

    static Stream<Path> shipped() throws IOException {
        return Scenarios.allShipped().stream();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void matchesItsReference(Path scenario) throws Exception {
        CheckPlan plan = CheckPlan.prepare(new CheckPlan.Options(List.of(scenario), Path.of("results/reference"),
                out, null, 1, false));
        List<Verdict> verdicts = CheckRunner.run(plan, new RunControl(), v -> { });
        assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.outcome()).as(v.line() + "\n" + v.detail())
                .isEqualTo(Verdict.Outcome.PASS));
    }
}
