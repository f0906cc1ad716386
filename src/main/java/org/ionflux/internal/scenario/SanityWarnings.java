package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Event;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.physics.Constants;

/**
 * Physical sanity checks of a valid scenario: things a user would want to know, which do not stop a run.
 *
 * <p>Electroneutrality: a compartment that is not clamped and borders a membrane in dynamic mode should start
 * with a net charge {@code Q = F Vol sum_X z_X c_X} that its membranes' capacitance can hold. The warning gives the
 * imbalance {@code sum_X z_X c_X} (mM) and the potential it implies, {@code Q / sum(C_m A)} over the compartment's
 * dynamic membranes. A few mM of imbalance in a cell imply kilovolts: a missing or misnamed ion, most likely.
 *
 * <p>Values outside physiology, each with the value and the usual range: a temperature outside 0 to 50 degC, a
 * clamp (a value, a step or an event) with |V| above 500 mV, a stimulus above 1e4 uA/cm^2 in magnitude. They are
 * valid input (a student may want to see what a 100 V clamp does), so they warn and never fail.
 */
final class SanityWarnings {

    /**
     * Implied potential above which a compartment is reported as not electroneutral, V: more than any membrane
     * holds in a physiological state (|V| of about 100 mV), so the charge cannot be the membrane's own.
     */
    static final double ELECTRONEUTRALITY_WARNING_V = 0.1;

    /** Lowest temperature of the usual range, degC (below it water freezes). */
    static final double MIN_USUAL_CELSIUS = 0.0;
    /** Highest temperature of the usual range, degC (above it proteins denature). */
    static final double MAX_USUAL_CELSIUS = 50.0;
    /** Largest |V| of a clamp without a warning, V (membranes break down at a few hundred mV). */
    static final double MAX_USUAL_CLAMP_V = 0.5;
    /** Largest |amplitude| of a stimulus without a warning, A/m^2 (1e4 uA/cm^2; HH stimuli are 1 to 100). */
    static final double MAX_USUAL_STIMULUS_A_PER_M2 = 100.0;

    private SanityWarnings() {
    }

    /**
     * @param file the file, for the warnings' location
     * @param tree the parsed file, to locate fields (may be null)
     * @return the warnings, in compartment order
     */
    static List<Problem> of(Model model, String file, LocatedTree tree) {
        List<Problem> warnings = new ArrayList<>();
        double celsius = model.temperatureCelsius();
        if (celsius < MIN_USUAL_CELSIUS || celsius > MAX_USUAL_CELSIUS) {
            warnings.add(warning(file, tree, "temperature", String.format(Locale.ROOT, "warning: the temperature "
                    + "%.4g degC (%.4g K) is outside the usual range of living tissue, 0 to 50 degC; it sets RT/F "
                    + "(%.4g mV) and the gate rates, so check the unit (degC or K) (the run goes on)", celsius,
                    model.temperatureK(), Constants.GAS_CONSTANT_J_PER_MOL_K * model.temperatureK()
                            / Constants.FARADAY_C_PER_MOL * 1e3)));
        }
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
        for (Membrane m : model.membranes()) {
            if (m.potential() instanceof PotentialProtocol.Clamp clamp) {
                double[] values = clamp.valuesVolts();
                boolean steps = tree != null && tree.root() != null && tree.root().path("membranes").path(m.name())
                        .path("potential").has("steps");
                for (int k = 0; k < values.length; k++) {
                    String path = "membranes." + m.name() + ".potential." + (steps ? "steps[" + k + "].value" : "value");
                    clampWarning(warnings, file, tree, path, values[k]);
                }
            }
        }
        for (int i = 0; i < model.stimuli().size(); i++) {
            double amplitude = model.stimuli().get(i).amplitudeAPerM2();
            if (Math.abs(amplitude) > MAX_USUAL_STIMULUS_A_PER_M2) {
                warnings.add(warning(file, tree, "stimuli[" + i + "].amplitude", String.format(Locale.ROOT,
                        "warning: a stimulus of %.4g uA/cm^2 is far outside physiology (stimuli that fire a neuron "
                                + "are 1 to 100 uA/cm^2; we warn above 1e4): it can drive V to volts (the run goes on)",
                        amplitude * 1e2)));
            }
        }
        for (int i = 0; i < model.events().size(); i++) {
            for (Event.Assignment a : model.events().get(i).assignments()) {
                if (a instanceof Event.ClampValue clamp) {
                    clampWarning(warnings, file, tree, "events[" + i + "].set." + clamp.path(), clamp.volts());
                }
            }
        }
        return warnings;
    }

    private static void clampWarning(List<Problem> warnings, String file, LocatedTree tree, String path,
                                     double volts) {
        if (Math.abs(volts) > MAX_USUAL_CLAMP_V) {
            warnings.add(warning(file, tree, path, String.format(Locale.ROOT, "warning: a clamp at %.4g mV is far "
                    + "outside physiology (membrane potentials stay within about -150 to +100 mV, and membranes "
                    + "break down at a few hundred mV; we warn above |V| = 500 mV): permeant ions are driven toward "
                    + "E_X = V, which needs concentration ratios of exp(|z| V F / RT) (the run goes on)",
                    volts * 1e3)));
        }
    }

    private static Problem warning(String file, LocatedTree tree, String path, String message) {
        int[] at = tree == null ? new int[] {0, 0} : tree.locate(path);
        return new Problem(file, path, at[0], at[1], message);
    }
}
