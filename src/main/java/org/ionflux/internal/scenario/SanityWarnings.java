package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;

/**
 * Physical sanity checks of a valid scenario: things a user would want to know, which do not stop a run.
 *
 * <p>Electroneutrality: a compartment that is not clamped and borders a membrane in dynamic mode should start
 * with a net charge {@code Q = F Vol sum_X z_X c_X} that its membranes' capacitance can hold. The warning gives the
 * imbalance {@code sum_X z_X c_X} (mM) and the potential it implies, {@code Q / sum(C_m A)} over the compartment's
 * dynamic membranes. A few mM of imbalance in a cell imply kilovolts: a missing or misnamed ion, most likely.
 */
final class SanityWarnings {

    /**
     * Implied potential above which a compartment is reported as not electroneutral, V: more than any membrane
     * holds in a physiological state (|V| of about 100 mV), so the charge cannot be the membrane's own.
     */
    static final double ELECTRONEUTRALITY_WARNING_V = 0.1;

    private SanityWarnings() {
    }

    /**
     * @param file the file, for the warnings' location
     * @param tree the parsed file, to locate fields (may be null)
     * @return the warnings, in compartment order
     */
    static List<Problem> of(Model model, String file, LocatedTree tree) {
        List<Problem> warnings = new ArrayList<>();
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            if (comp.clamped()) {
                continue;
            }
            double capacitanceF = 0;
            List<String> dynamic = new ArrayList<>();
            for (Membrane m : model.membranes()) {
                if (m.isDynamic() && (m.insideIndex() == c || m.outsideIndex() == c)) {
                    capacitanceF += m.capacitanceFPerM2() * m.areaM2();
                    dynamic.add(m.name());
                }
            }
            if (dynamic.isEmpty()) {
                continue;
            }
            double netMolPerM3 = 0;
            for (int s = 0; s < model.species().size(); s++) {
                netMolPerM3 += model.species().get(s).charge() * comp.concentrationMolPerM3(s);
            }
            double chargeC = Constants.FARADAY_C_PER_MOL * comp.volumeM3() * netMolPerM3;
            double impliedV = chargeC / capacitanceF;
            if (Math.abs(impliedV) > ELECTRONEUTRALITY_WARNING_V) {
                String path = "compartments." + comp.name();
                int[] at = tree == null ? new int[] {0, 0} : tree.locate(path);
                warnings.add(new Problem(file, path, at[0], at[1], String.format(Locale.ROOT,
                        "warning: '%s' is not electroneutral at the start: its net charge sum(z c) is %+.4g mM "
                                + "(Q = %.3g C), which would put %.4g mV across %s (Q / (C_m A)); is an ion missing? "
                                + "(the run goes on: the dynamic potential starts from its 'initial' value)",
                        comp.name(), netMolPerM3, chargeC, impliedV * 1e3, dynamic.size() == 1
                                ? "membrane '" + dynamic.get(0) + "'" : "membranes " + String.join(", ", dynamic))));
            }
        }
        return warnings;
    }
}
