package org.ionflux.internal.mechanism;

import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Stimulus;

/**
 * Current pulses injected into dynamic membranes (docs/physics.md section 9): on {@code [start, start + duration)} the
 * amplitude adds to {@code C_m dV/dt} (positive depolarizes) and, as charge no tracked species carries, to the
 * charge bookkeeping. Pulse edges are restart times, so within a segment the current is constant. Scenario
 * {@code stimuli: [{membrane: m, start: .., duration: .., amplitude: ..}]}.
 */
public final class StimulusTerm implements Term {

    private final int[] membranesWithStimuli;
    private final double[] currentAPerM2;

    /** Finds the membranes that receive stimuli in {@code model}. */
    public StimulusTerm(Model model) {
        boolean[] has = new boolean[model.membranes().size()];
        for (Stimulus st : model.stimuli()) {
            has[st.membraneIndex()] = true;
        }
        int count = 0;
        for (boolean h : has) {
            count += h ? 1 : 0;
        }
        membranesWithStimuli = new int[count];
        count = 0;
        for (int m = 0; m < has.length; m++) {
            if (has[m]) {
                membranesWithStimuli[count++] = m;
            }
        }
        currentAPerM2 = new double[has.length];
    }

    /** A stimulus is a source, not a rate between state variables: it has no column. */
    @Override
    public int rateCount() {
        return 0;
    }

    @Override
    public boolean isEmpty() {
        return membranesWithStimuli.length == 0;
    }

    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        throw new IndexOutOfBoundsException("a stimulus has no rate " + k);
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        java.util.Arrays.fill(currentAPerM2, 0.0);
        for (Stimulus st : inForce.stimuli()) {
            // a pulse is on at a restart if it is on just after it
            if (st.isOnAt(timeS + toleranceS)) {
                currentAPerM2[st.membraneIndex()] += st.amplitudeAPerM2();
            }
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int m : membranesWithStimuli) {
            out.stimulus(m, currentAPerM2[m]);
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        // constant within a segment
    }
}
