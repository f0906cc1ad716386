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
 * flux must still be the GHK flux of that channel alone, at potentials of either sign and near 0.
 */
class GhkTermTest {

    @Test
    void sharedExponentialsGiveEachChannelsOwnFlux() throws Exception {
        SplittableRandom random = new SplittableRandom(21);
        int checked = 0;
        for (Path file : Scenarios.allShipped()) {
            Model model = Scenarios.load(file);
            IonFluxSystem system = new IonFluxSystem(model);
            GhkTerm term = new GhkTerm(model);
            if (term.isEmpty()) {
                continue;
            }
            term.startSegment(model, 0.0, 1e-12);
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
}
