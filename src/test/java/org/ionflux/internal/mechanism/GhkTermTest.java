package org.ionflux.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.GhkChannel;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * {@link GhkTerm#addRates} shares one exponential between the channels of a membrane (same |z|): every channel's
 * flux must still be the GHK flux of that channel alone, at potentials of either sign and near 0. Its cheap error
 * bound ({@link GhkTerm#addCurrentErrorBounds}) must never be below the exact one (its bound over a box:
 * {@link BoxBoundsTest}).
 */
class GhkTermTest {

    @Test
    void sharedExponentialsGiveEachChannelsOwnFlux() throws Exception {
        SplittableRandom random = new SplittableRandom(21);
        int checked = 0;
        for (Ghk shipped : shippedWithGhkChannels()) {
            Model model = shipped.model();
            IonFluxSystem system = shipped.system();
            GhkTerm term = shipped.term();
            double[] y = system.initialState();
            StateView view = system.view();
            for (int trial = 0; trial < 2000; trial++) {
                system.updateStateObservables(y);
                double[] potentials = view.potentials();
                for (int m = 0; m < potentials.length; m++) {
                    double v = trial % 3 == 0 ? 1e-6 * (random.nextDouble() - 0.5) : 0.4 * (random.nextDouble() - 0.5);
                    potentials[m] = v;
                }
                Fluxes fluxes = new Fluxes(view.speciesCount(), view.compartmentCount(), view.membraneCount());
                term.addRates(view, fluxes);
                for (int m = 0; m < model.membranes().size(); m++) {
                    Membrane membrane = model.membranes().get(m);
                    double[] expected = new double[view.speciesCount()];
                    double[] scale = new double[view.speciesCount()];
                    for (Channel channel : membrane.channels()) {
                        if (channel instanceof Channel.Ghk ghk) {
                            int s = ghk.speciesIndex();
                            expected[s] += GhkChannel.fluxMolPerS(ghk.permeabilityMPerS(), membrane.areaM2(),
                                    view.valence(s), view.potentialVolts(m), view.concentration(view.inside(m), s),
                                    view.concentration(view.outside(m), s), view.temperatureK());
                            // the size of the two terms whose difference the flux is (it may cancel)
                            double u = view.valence(s) * view.potentialVolts(m) / view.thermalVoltageVolts();
                            scale[s] += ghk.permeabilityMPerS() * membrane.areaM2() * (1 + Math.abs(u))
                                    * (view.concentration(view.inside(m), s) + view.concentration(view.outside(m), s));
                        }
                    }
                    for (int s = 0; s < expected.length; s++) {
                        assertThat(Math.abs(fluxes.speciesFlux(m, s) - expected[s]))
                                .as("%s membrane %d species %d at %s V", model.name(), m, s, view.potentialVolts(m))
                                .isLessThanOrEqualTo(1e-14 * scale[s]);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /**
     * The cheap bound replaces the slopes f'(u) by f(u), which is larger for every u: it must be at least the exact
     * bound (each partial from {@link GhkTerm#addPartials} times its tolerance) at any potential, concentration and
     * tolerance, equal to it (but for its 1e-12 widening) when the potential's tolerance is 0, and within the
     * factor {@code max f/f'} over the potentials tried when only the potential's tolerance counts.
     */
    @Test
    void cheapErrorBoundIsNeverBelowTheExactOne() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        int checked = 0;
        for (Ghk shipped : shippedWithGhkChannels()) {
            Model model = shipped.model();
            IonFluxSystem system = shipped.system();
            GhkTerm term = shipped.term();
            int species = model.species().size();
            int membranes = model.membranes().size();
            int[] potentialIndex = BoxBounds.potentialIndices(system);
            double[] y = system.initialState();
            StateView view = system.view();
            for (int trial = 0; trial < 600; trial++) {
                double[] absTol = new double[y.length];
                double[] relTol = new double[y.length];
                boolean potentialOnly = trial % 3 == 1;
                boolean noPotential = trial % 3 == 2;
                for (int i = 0; i < y.length; i++) {
                    boolean isPotential = false;
                    for (int m = 0; m < membranes; m++) {
                        isPotential |= potentialIndex[m] == i;
                    }
                    boolean zero = isPotential ? noPotential : potentialOnly;
                    absTol[i] = zero ? 0 : Math.abs(y[i]) * 1e-6 * random.nextDouble() + 1e-30;
                    relTol[i] = zero ? 0 : Math.pow(10, -4 - 8 * random.nextDouble());
                }
                system.updateStateObservables(y);
                double[] potentials = view.potentials();
                for (int m = 0; m < potentials.length; m++) {
                    potentials[m] = trial % 4 == 0 ? 1e-6 * (random.nextDouble() - 0.5) : 0.4 * (random.nextDouble() - 0.5);
                }
                Fluxes fluxes = new Fluxes(view.speciesCount(), view.compartmentCount(), view.membraneCount());
                term.addRates(view, fluxes);
                CurrentErrorBounds cheap = BoxBounds.bounds(system, absTol, relTol);
                CurrentErrorBounds exact = BoxBounds.bounds(system, absTol, relTol);
                cheap.clear(view);
                exact.clear(view);
                term.addCurrentErrorBounds(view, fluxes, cheap);
                term.addPartials(view, fluxes, exact.exactFromPartials());
                for (int m = 0; m < membranes; m++) {
                    for (int s = 0; s < species; s++) {
                        double e = exact.of(m, s);
                        double c = cheap.of(m, s);
                        String where = String.format("%s membrane %d species %d at %s V", model.name(), m, s,
                                view.potentialVolts(m));
                        assertThat(c).as(where).isGreaterThanOrEqualTo(e);
                        if (noPotential) {
                            assertThat(c).as(where).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-11 * e));
                        } else if (potentialOnly) {
                            // only the slopes differ: the ratio is at most max f/f' = 1 / (1/u - 1/(e^u - 1)) over
                            // +-u, about |u| + 1 for large |u|: below 20 for |u| < 18 (0.2 V, |z| <= 2, T >= 6 degC)
                            assertThat(c).as(where).isLessThanOrEqualTo(20 * e + Double.MIN_NORMAL);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /** A shipped scenario with GHK channels: its model, a system and its GHK term with the parameters of t = 0. */
    private record Ghk(Model model, IonFluxSystem system, GhkTerm term) {
    }

    private static java.util.List<Ghk> shippedWithGhkChannels() throws Exception {
        java.util.List<Ghk> found = new java.util.ArrayList<>();
        for (Path file : Scenarios.allShipped()) {
            Model model = Scenarios.load(file);
            GhkTerm term = new GhkTerm(model);
            if (!term.isEmpty()) {
                term.startSegment(model, 0.0, 1e-12);
                found.add(new Ghk(model, new IonFluxSystem(model), term));
            }
        }
        assertThat(found).isNotEmpty();
        return found;
    }


}
