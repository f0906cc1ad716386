package org.ionflux.internal.mechanism;

import java.util.List;
import org.ionflux.internal.model.Model;

/**
 * The terms of a model, in evaluation order: every mechanism kind, then the capacitor that turns their currents
 * into {@code dV/dt}. Adding a mechanism kind means adding its term to {@link #of}, and nothing else here.
 *
 * @param mechanisms  every term but the capacitor, in evaluation order
 * @param capacitance the membrane potentials (evaluated last)
 * @param stateful    the terms among them with state variables of their own
 */
public record Terms(List<Term> mechanisms, CapacitanceTerm capacitance, List<StatefulTerm> stateful) {

    /** Copies the lists. */
    public Terms {
        mechanisms = List.copyOf(mechanisms);
        stateful = List.copyOf(stateful);
    }

    /** @return the terms of {@code model} */
    public static Terms of(Model model) {
        // the terms with channels (channelNames) first: a trace row takes the channels' own currents as the
        // evaluation passes the last of them (PinnedCurrents)
        List<Term> mechanisms = List.of(
                new OhmicTerm(model),
                new GhkTerm(model),
                new GatedTerm(model),
                new LeakTerm(model),
                new NaKPumpTerm(model),
                new PmcaTerm(model),
                new CotransporterTerm(model),
                new WaterTerm(model),
                new StimulusTerm(model));
        List<StatefulTerm> stateful = new java.util.ArrayList<>();
        for (Term t : mechanisms) {
            if (t instanceof StatefulTerm s) {
                stateful.add(s);
            }
        }
        return new Terms(mechanisms, new CapacitanceTerm(model), stateful);
    }
}
