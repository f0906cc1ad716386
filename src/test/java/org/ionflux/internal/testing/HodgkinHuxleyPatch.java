package org.ionflux.internal.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A Hodgkin-Huxley 1952 patch (6.3 degC, gNa 120, gK 36, leak 0.3 mS/cm^2 at -54.387 mV; Na and K tracked with
 * E_Na = +50 and E_K = -77 mV; a large axon so the concentrations barely move), and spike detection on its trace.
 */
public final class HodgkinHuxleyPatch {

    private HodgkinHuxleyPatch() {
    }

    /**
     * @param stimuli    a YAML {@code stimuli:} block (or "")
     * @param simulation a YAML {@code simulation:} line
     * @return the scenario text
     */
    public static String scenario(String stimuli, String simulation) {
        return """
                name: hh-patch
                temperature: 6.3 degC
                ions: {Na: {charge: 1}, K: {charge: 1}, A: {charge: -1}}
                compartments:
                  axon: {volume: 125 pL, concentrations: {Na: 50, K: 400, A: 450}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 398.75, K: 16.345, A: 415.095}}
                membranes:
                  axolemma:
                    inside: axon
                    outside: bath
                    area: 1000 um^2
                    potential: {mode: dynamic, initial: -65 mV}
                    channels:
                      - {ion: Na, conductance: 120 mS/cm^2, gating: hh-na}
                      - {ion: K, conductance: 36 mS/cm^2, gating: hh-k}
                      - {leak: true, conductance: 0.3 mS/cm^2, reversal: -54.387 mV}
                """ + stimuli + (stimuli.isEmpty() || stimuli.endsWith("\n") ? "" : "\n") + simulation + "\n";
    }

    /**
     * @param pulses      number of 0.5 ms, 20 uA/cm^2 pulses, 5 ms after each period start
     * @param periodS     time between pulses, s
     * @param intervalMs  output interval, ms
     * @return the scenario text, recording V only
     */
    public static String withPulses(int pulses, double periodS, double intervalMs) {
        StringBuilder stimuli = new StringBuilder("stimuli:\n");
        for (int i = 0; i < pulses; i++) {
            stimuli.append("  - {membrane: axolemma, start: ").append(0.005 + i * periodS)
                    .append(" s, duration: 0.5 ms, amplitude: 20 uA/cm^2}\n");
        }
        return scenario(stimuli.toString(), "simulation: {duration: " + (pulses * periodS) + " s, output_interval: "
                + intervalMs + " ms, record: [\"axolemma.V_mV\"]}");
    }

    /** @return {time of the upward 0 mV crossing (s), peak (mV)} of every spike, interpolated between rows */
    public static List<double[]> spikes(double[] t, double[] vMv) {
        List<double[]> spikes = new ArrayList<>();
        for (int i = 1; i < vMv.length; i++) {
            if (vMv[i - 1] < 0 && vMv[i] >= 0) {
                double crossing = t[i - 1] + (t[i] - t[i - 1]) * (0 - vMv[i - 1]) / (vMv[i] - vMv[i - 1]);
                int top = i;
                while (top + 1 < vMv.length && vMv[top + 1] > vMv[top]) {
                    top++;
                }
                double peak = vMv[top];
                if (top > 0 && top + 1 < vMv.length) {
                    double a = vMv[top - 1];
                    double b = vMv[top];
                    double c = vMv[top + 1];
                    double denominator = a - 2 * b + c;
                    if (denominator != 0) {
                        double offset = 0.5 * (a - c) / denominator;
                        peak = b - 0.25 * (a - c) * offset;
                    }
                }
                spikes.add(new double[] {crossing, peak});
            }
        }
        return spikes;
    }
}
