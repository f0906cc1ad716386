package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.mechanism.Fluxes;
import org.ionflux.internal.mechanism.Term;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.Simulation;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * The rows' observables ({@link IonFluxSystem#updateTraceObservables}, which skips water flux and potential rates)
 * give every column the same bits as the full {@link IonFluxSystem#updateObservables}.
 */
class TraceObservablesTest {

    private static final String CELL = """
            name: cell-with-water
            ions: {Na: {charge: 1}, K: {charge: 1}, Cl: {charge: -1}, X: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {Na: 15, K: 140, Cl: 10, X: 145}}
              bath: {volume: 1 mL, clamped: true, concentrations: {Na: 145, K: 4, Cl: 120, X: 29}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: dynamic, initial: -65 mV}
                channels:
                  - {ion: Na, permeability: 4e-7 cm/s}
                  - {ion: K, permeability: 6e-6 cm/s}
                  - {ion: Cl, permeability: 4e-6 cm/s}
                  - {leak: true, conductance: 0.05 mS/cm^2, reversal: -60 mV}
                pumps:
                  - {type: na-k-atpase, max_current: 2 uA/cm^2, km_na: 10 mM, km_k: 1.5 mM}
                water_permeability: 2e-3 cm/s
            stimuli:
              - {membrane: plasma, start: 1 s, duration: 0.5 s, amplitude: 2 uA/cm^2}
            simulation: {duration: 5 s, output_interval: 0.1 s, rtol: 1e-8, atol: 1e-11}
            """;

    @Test
    void everyColumnHasTheBitsOfTheFullObservables() {
        Model model = Scenarios.yaml(CELL);
        List<double[]> states = new ArrayList<>();
        new Simulation(model).run((timeS, y) -> states.add(y.clone()), new RunControl());
        assertThat(states).hasSizeGreaterThan(40);
        IonFluxSystem system = new IonFluxSystem(model);
        int fluxColumns = 0;
        for (double[] y : states) {
            system.updateObservables(y);
            double[] full = observables(system);
            system.updateTraceObservables(y);
            double[] traced = observables(system);
            assertThat(traced).containsExactly(full);
            for (double v : full) {
                fluxColumns += v != 0.0 ? 1 : 0;
            }
        }
        // the comparison saw currents and fluxes, not only zeros
        assertThat(fluxColumns).isGreaterThan(states.size() * 8);
    }

    @Test
    void theChannelsOwnCurrentsTakenInPassingHaveTheBitsOfAnEvaluationOfTheChannelsAlone() {
        Model model = Scenarios.yaml(CELL);
        List<double[]> states = new ArrayList<>();
        new Simulation(model).run((timeS, y) -> states.add(y.clone()), new RunControl());
        IonFluxSystem system = new IonFluxSystem(model);
        List<Term> traced = system.tracedTerms();
        int channelTerms = 0;
        while (channelTerms < traced.size() && !traced.get(channelTerms).channelNames(0, 0).isEmpty()) {
            channelTerms++;
        }
        // the GHK channels lead; the leak, the pump and the stimulus follow
        assertThat(channelTerms).isEqualTo(1);
        assertThat(traced).hasSizeGreaterThan(channelTerms);
        int species = model.species().size();
        Fluxes leading = new Fluxes(species, model.compartments().size(), model.membranes().size());
        Fluxes alone = new Fluxes(species, model.compartments().size(), model.membranes().size());
        for (double[] y : states) {
            system.updateTraceObservables(y);
            double[] plain = observables(system);
            system.updateTraceObservables(y, channelTerms, leading);
            assertThat(observables(system)).containsExactly(plain);
            alone.clear();
            for (int k = 0; k < channelTerms; k++) {
                traced.get(k).addRates(system.view(), alone);
            }
            for (int s = 0; s < species; s++) {
                assertThat(leading.speciesCurrent(0, s)).isEqualTo(alone.speciesCurrent(0, s));
                assertThat(leading.speciesFlux(0, s)).isEqualTo(alone.speciesFlux(0, s));
            }
            // and they are not the totals: the pump moves Na and K too
            assertThat(leading.speciesCurrent(0, 0)).isNotEqualTo(system.speciesCurrentAPerM2(0, 0));
        }
    }

    /** Every value a trace column can read from the system, membrane 0, species 0-3. */
    private static double[] observables(IonFluxSystem system) {
        List<Double> values = new ArrayList<>();
        values.add(system.potentialVolts(0));
        values.add(system.leakCurrentAPerM2(0));
        values.add(system.pumpCurrentAPerM2(0));
        values.add(system.stimulusCurrentAPerM2(0));
        for (int s = 0; s < 4; s++) {
            values.add(system.speciesCurrentAPerM2(0, s));
            values.add(system.speciesFluxMolPerS(0, s));
            values.add(system.concentrationMolPerM3(0, s));
        }
        values.add(system.volumeM3(0));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
