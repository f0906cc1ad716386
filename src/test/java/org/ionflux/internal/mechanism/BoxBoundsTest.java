package org.ionflux.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The channel terms' bounds of their currents' error over a box of states (one solver step's rows,
 * {@link Term#addCurrentErrorBoundsWithin}) must be at least their row bound at every state of the box
 * ({@link BoxBounds#assertBoxBoundsHold}), in every shipped scenario with such channels.
 */
class BoxBoundsTest {

    @ParameterizedTest
    @ValueSource(classes = {GhkTerm.class, OhmicTerm.class, GatedTerm.class})
    void boundOverABoxHoldsAtEveryStateInIt(Class<? extends Term> kind) throws Exception {
        SplittableRandom random = new SplittableRandom(kind.getSimpleName().hashCode());
        int checked = 0;
        for (Path file : Scenarios.allShipped()) {
            Model model = Scenarios.load(file);
            IonFluxSystem system = new IonFluxSystem(model);
            // the system's own instances: parameters of t = 0 loaded, gates bound to their state variables
            for (Term term : system.terms().mechanisms()) {
                if (kind.isInstance(term) && !term.isEmpty()) {
                    checked += BoxBounds.assertBoxBoundsHold(term, system, random);
                }
            }
        }
        assertThat(checked).as(kind.getSimpleName()).isGreaterThan(10000);
    }
}
