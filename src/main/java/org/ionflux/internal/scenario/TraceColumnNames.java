package org.ionflux.internal.scenario;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Species;
import org.ionflux.internal.model.Stimulus;

/**
 * The names of every trace column a model has, in the order of {@code trace.csv} (docs/commands.md "Outputs of
 * run"), from the model alone, so that the reader can check {@code record} and {@code plot} patterns before anything
 * runs. The engine's {@code TraceColumns} makes the same list; a test keeps the two in step on every scenario.
 */
public final class TraceColumnNames {

    private TraceColumnNames() {
    }

    /** @return every column name of {@code model}, {@code t_s} first */
    public static List<String> of(Model model) {
        List<String> names = new ArrayList<>();
        names.add("t_s");
        List<Membrane> membranes = model.membranes();
        List<Species> species = model.species();
        List<Compartment> compartments = model.compartments();
        for (Membrane m : membranes) {
            names.add(m.name() + ".V_mV");
        }
        for (Compartment c : compartments) {
            for (Species s : species) {
                names.add(c.name() + "." + s.name() + "_mM");
            }
        }
        boolean[] volumeChanges = new boolean[compartments.size()];
        for (Membrane m : membranes) {
            if (m.waterPermeabilityMPerS() > 0) {
                volumeChanges[m.insideIndex()] = true;
                volumeChanges[m.outsideIndex()] = true;
            }
        }
        for (int c = 0; c < compartments.size(); c++) {
            if (volumeChanges[c] && !compartments.get(c).clamped()) {
                names.add(compartments.get(c).name() + ".volume_pL");
            }
        }
        for (Membrane m : membranes) {
            for (int i = 0; i < species.size(); i++) {
                if (species.get(i).charge() != 0 && m.hasChannelFor(i)) {
                    names.add(m.name() + ".E_" + species.get(i).name() + "_mV");
                    names.add(m.name() + ".I_" + species.get(i).name() + "_uA_cm2");
                }
            }
        }
        for (Membrane m : membranes) {
            if (m.hasLeak()) {
                names.add(m.name() + ".I_leak_uA_cm2");
            }
        }
        boolean[] stimulated = new boolean[membranes.size()];
        for (Stimulus st : model.stimuli()) {
            stimulated[st.membraneIndex()] = true;
        }
        for (int m = 0; m < membranes.size(); m++) {
            if (!membranes.get(m).pumps().isEmpty()) {
                names.add(membranes.get(m).name() + ".I_pump_uA_cm2");
            }
            if (stimulated[m]) {
                names.add(membranes.get(m).name() + ".I_stim_uA_cm2");
            }
        }
        for (Membrane m : membranes) {
            for (int i = 0; i < species.size(); i++) {
                if (m.moves(i)) {
                    names.add(m.name() + ".J_" + species.get(i).name() + "_fmol_s");
                }
            }
        }
        for (Membrane m : membranes) {
            for (Channel ch : m.channels()) {
                if (ch instanceof Channel.Gated gated) {
                    for (int g = 0; g < gated.kinetics().gateCount(); g++) {
                        names.add(m.name() + "." + species.get(gated.speciesIndex()).name() + "_"
                                + gated.kinetics().gate(g).symbol());
                    }
                }
            }
        }
        return names;
    }
}
