package org.ionflux.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** {@link OhmicTerm}'s bound of its currents' error over a box of states (one solver step's rows). */
class OhmicTermTest {

    /**
     * At least the exact bound (its row bound is the exact one) at every state of random boxes, in every shipped
     * scenario with ohmic channels ({@link BoxBounds#assertBoxBoundsHold}).
     */
    @Test
    void boundOverABoxHoldsAtEveryStateInIt() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        int checked = 0;
        int scenarios = 0;
        for (Path file : Scenarios.allShipped()) {
            Model model = Scenarios.load(file);
            OhmicTerm term = new OhmicTerm(model);
            if (term.isEmpty()) {
                continue;
            }
            term.startSegment(model, 0.0, 1e-12);
            checked += BoxBounds.assertBoxBoundsHold(term, new IonFluxSystem(model), random);
            scenarios++;
        }
        assertThat(scenarios).isGreaterThanOrEqualTo(2);
        assertThat(checked).isGreaterThan(10000);
    }
}
