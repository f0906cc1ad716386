package org.ionflux.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** {@link GatedTerm}'s bound of its currents' error over a box of states (one solver step's rows). */
class GatedTermTest {

    /**
     * At least the exact bound (its row bound is the exact one) at every state of random boxes, gates included,
     * in every shipped scenario with gated channels ({@link BoxBounds#assertBoxBoundsHold}).
     */
    @Test
    void boundOverABoxHoldsAtEveryStateInIt() throws Exception {
        SplittableRandom random = new SplittableRandom(19);
        int checked = 0;
        int scenarios = 0;
        for (Path file : Scenarios.allShipped()) {
            Model model = Scenarios.load(file);
            IonFluxSystem system = new IonFluxSystem(model);
            for (Term term : system.terms().mechanisms()) {
                if (term instanceof GatedTerm gated && !gated.isEmpty()) {
                    checked += BoxBounds.assertBoxBoundsHold(gated, system, random);
                    scenarios++;
                }
            }
        }
        assertThat(scenarios).isGreaterThanOrEqualTo(1);
        assertThat(checked).isGreaterThan(10000);
    }
}
