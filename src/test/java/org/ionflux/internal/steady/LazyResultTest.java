package org.ionflux.internal.steady;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * The time constants and the laws' descriptions are made when first asked for ({@link SteadyResult#timeConstants()},
 * {@link SteadyResult#conserved()}), after the solve has returned: they must be exactly those made right after the
 * solve and right after the laws were found, as {@code steady} did before, on dense models (all modes) and on one
 * large enough for the Krylov method.
 */
class LazyResultTest {

    @Test
    void lazyTimeConstantsEqualThoseComputedRightAfterTheSolveOnACell() {
        check(Scenarios.shipped("pump-leak-cell"));
        check(Scenarios.shipped("hh-squid-axon"));
    }

    @Test
    void lazyTimeConstantsEqualThoseComputedRightAfterTheSolveOnManyCells() {
        Model model = SteadyTestModels.cellsAroundSpace(120);
        check(model);
    }

    private static void check(Model model) {
        SteadyResult lazy = Steady.solve(model, 0.0);
        assertThat(lazy.status()).isEqualTo("steady");
        double before = lazy.wallTimeS();
        List<SteadyResult.TimeConstant> first = lazy.timeConstants();
        assertThat(lazy.timeConstants()).isSameAs(first);
        assertThat(lazy.wallTimeS()).isGreaterThanOrEqualTo(before);

        // the eager way: the same steps, the time constants straight after Newton
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        ConservationLaws laws = ConservationLaws.of(problem);
        LawSet lawSet = new LawSet(problem, laws.physical());
        SteadySolver.Outcome outcome = new SteadySolver(problem, lawSet).solve();
        List<String> eagerText = laws.all().stream().map(l -> LawText.describe(problem, l.indices(),
                l.coefficients())).toList();
        List<SteadyResult.TimeConstant> eager = Steady.timeConstants(problem, lawSet, outcome.y());
        assertThat(first).isNotEmpty();
        assertThat(first).isEqualTo(eager);
        List<SteadyResult.Conserved> conserved = lazy.conserved();
        assertThat(lazy.conserved()).isSameAs(conserved);
        assertThat(conserved).extracting(SteadyResult.Conserved::description).isEqualTo(eagerText);
        assertThat(conserved).extracting(SteadyResult.Conserved::value)
                .isEqualTo(laws.all().stream().map(ConservationLaws.Law::value).toList());
    }
}
