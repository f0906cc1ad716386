package org.ionflux.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.IonFluxSystem;

/** Checks of {@link Term#addCurrentErrorBoundsWithin} ({@link BoxBoundsTest}) and error-bound set-up for tests. */
final class BoxBounds {

    private BoxBounds() {
    }

    /**
     * A term's bound over a box must be at least its row bound ({@link Term#addCurrentErrorBounds}, itself at least
     * the exact one) at every state in the box: 300 random boxes around the system's initial state (amounts and
     * volumes within +-50 %, potentials anywhere in -0.2..0.2 V, one box in five of zero width), ten states in
     * each, two of them corners (the bound is largest at a corner).
     *
     * @param term a term of the system's model, with the parameters of t = 0 loaded
     * @return the number of (state, membrane, species) checked
     */
    static int assertBoxBoundsHold(Term term, IonFluxSystem system, SplittableRandom random) {
        Model model = system.model();
        int species = model.species().size();
        int membranes = model.membranes().size();
        boolean[] isPotential = new boolean[system.dimension()];
        for (int i : potentialIndices(system)) {
            if (i >= 0) {
                isPotential[i] = true;
            }
        }
        double[] absTol = system.layout().absoluteTolerances(model);
        double[] relTol = system.layout().relativeTolerances(model);
        double[] y0 = system.initialState();
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] low = new double[y0.length];
            double[] high = new double[y0.length];
            boolean point = trial % 5 == 0;
            for (int i = 0; i < y0.length; i++) {
                double a;
                double b;
                if (isPotential[i]) {
                    a = 0.4 * (random.nextDouble() - 0.5);
                    b = point ? a : 0.4 * (random.nextDouble() - 0.5);
                } else {
                    a = y0[i] * (0.5 + random.nextDouble());
                    b = point ? a : y0[i] * (0.5 + random.nextDouble());
                }
                low[i] = Math.min(a, b);
                high[i] = Math.max(a, b);
            }
            CurrentErrorBounds within = bounds(system, absTol, relTol);
            CurrentErrorBounds row = bounds(system, absTol, relTol);
            for (int inside = 0; inside < 10; inside++) {
                double[] y = new double[y0.length];
                for (int i = 0; i < y.length; i++) {
                    double w = inside < 2 ? inside : random.nextDouble();
                    y[i] = low[i] + w * (high[i] - low[i]);
                }
                system.updateStateObservables(y);
                StateView view = system.view();
                Fluxes fluxes = new Fluxes(view.speciesCount(), view.compartmentCount(), view.membraneCount());
                term.addRates(view, fluxes);
                row.clear(view);
                term.addCurrentErrorBounds(view, fluxes, row);
                within.clearWithin(view, low, high);
                assertThat(term.addCurrentErrorBoundsWithin(view, within)).isTrue();
                for (int m = 0; m < membranes; m++) {
                    for (int s = 0; s < species; s++) {
                        assertThat(within.of(m, s)).as("%s membrane %d species %d, box %s..%s, state %s",
                                model.name(), m, s, Arrays.toString(low), Arrays.toString(high), Arrays.toString(y))
                                .isGreaterThanOrEqualTo(row.of(m, s));
                        checked++;
                    }
                }
            }
        }
        return checked;
    }

    /** @return per membrane the state index of its potential, -1 if clamped */
    static int[] potentialIndices(IonFluxSystem system) {
        int[] potentialIndex = new int[system.model().membranes().size()];
        for (int m = 0; m < potentialIndex.length; m++) {
            potentialIndex[m] = system.layout().potentialIndex(m);
        }
        return potentialIndex;
    }

    /** @return empty bounds for {@code system}'s state layout with these tolerances */
    static CurrentErrorBounds bounds(IonFluxSystem system, double[] absTol, double[] relTol) {
        Model model = system.model();
        int species = model.species().size();
        int compartments = model.compartments().size();
        int[] amountIndex = new int[compartments * species];
        int[] volumeIndex = new int[compartments];
        for (int c = 0; c < compartments; c++) {
            volumeIndex[c] = system.layout().volumeIndex(c);
            for (int s = 0; s < species; s++) {
                amountIndex[c * species + s] = system.layout().amountIndex(c, s);
            }
        }
        return new CurrentErrorBounds(species, model.membranes().size(), amountIndex, potentialIndices(system),
                volumeIndex, absTol, relTol);
    }
}
