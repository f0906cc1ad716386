package org.ionflux.internal.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The state mapper: tolerances, pruned species, bookkeeping flags. */
class StateLayoutTest {

    static List<Path> shipped() throws IOException {
        return Scenarios.allShipped();
    }

    /** A zero tolerance with a zero value makes every adaptive step-size rule divide by zero. */
    @ParameterizedTest
    @MethodSource("shipped")
    void everyToleranceIsPositiveAndFinite(Path file) {
        Model model = Scenarios.load(file);
        StateLayout layout = new StateLayout(model);
        for (double tol : layout.absoluteTolerances(model)) {
            assertThat(tol).isPositive().isFinite();
        }
    }

    @Test
    void aSpeciesThatStaysAtZeroHasNoStateButKeepsItsColumn() {
        Model model = Scenarios.shipped("pump-leak-cell");
        StateLayout layout = new StateLayout(model);
        int y = model.speciesIndex("Y").orElseThrow();
        int na = model.speciesIndex("Na").orElseThrow();
        // Y (extracellular anions) starts at 0 in the cell and nothing moves it there
        assertThat(layout.amountIndex(0, y)).isEqualTo(-1);
        assertThat(layout.amountIndex(0, na)).isNotNegative();
        Scenarios.Run run = Scenarios.run(model);
        assertThat(run.trace().column("cell.Y_mM")).containsOnly(0.0);
        for (int i = 0; i < layout.dimension(); i++) {
            boolean accumulator = layout.describe(model, i).contains("moved into clamped")
                    || layout.describe(model, i).contains("brought into");
            assertThat(layout.isBookkeeping(i)).as(layout.describe(model, i)).isEqualTo(accumulator);
        }
    }
}
