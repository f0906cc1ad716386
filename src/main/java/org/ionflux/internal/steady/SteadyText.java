package org.ionflux.internal.steady;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;

/**
 * The steady state in words: the table {@code ionflux steady} prints, and the short block {@code explain} adds for
 * each membrane (where it would settle).
 */
public final class SteadyText {

    /** Rows of each section printed before "... and N more (see steady.json)". */
    static final int MAX_ROWS = 40;

    private SteadyText() {
    }

    /** @return the table of a steady-state result: values, conserved quantities, time constants, membranes */
    public static String table(SteadyResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s with the parameters in force at t = %s s (%s, %d iterations, "
                + "residual %.3g per second)%n", r.scenario(), r.status().replace('_', ' '), LawText.number(r.atS()),
                r.method(), r.iterations(), r.residual()));
        if (r.message() != null) {
            out.append(r.message()).append(System.lineSeparator());
        }
        if (!r.values().isEmpty()) {
            out.append(String.format("%nSteady state (output units):%n"));
            int width = r.values().keySet().stream().mapToInt(String::length).max().orElse(10);
            int shown = 0;
            for (Map.Entry<String, Double> e : r.values().entrySet()) {
                if (shown++ == MAX_ROWS) {
                    out.append(more(r.values().size() - MAX_ROWS));
                    break;
                }
                out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", e.getKey(), number(e.getValue())));
            }
        }
        if (!r.conserved().isEmpty()) {
            out.append(String.format("%nConserved quantities (constant in time; kept exactly):%n"));
            int shown = 0;
            for (SteadyResult.Conserved c : r.conserved()) {
                if (shown++ == MAX_ROWS) {
                    out.append(more(r.conserved().size() - MAX_ROWS));
                    break;
                }
                out.append(String.format(Locale.ROOT, "  %-12s %-4s %s%n", number(c.value()), c.unit(),
                        c.description()));
            }
        }
        if (!r.timeConstants().isEmpty()) {
            out.append(String.format("%nTime constants of the approach (slowest first) and what moves:%n"));
            for (SteadyResult.TimeConstant t : r.timeConstants()) {
                String period = Double.isNaN(t.periodS()) ? "" : ", oscillating with period " + duration(t.periodS());
                String times = t.multiplicity() > 1 ? " (x" + t.multiplicity() + ")" : "";
                String growing = t.tauS() < 0 ? " GROWING: the steady state is unstable" : "";
                out.append(String.format(Locale.ROOT, "  tau = %-12s%s%s  %s%s%n", duration(Math.abs(t.tauS())),
                        times, period, String.join(", ", t.dominant()), growing));
            }
        }
        if (!r.membranes().isEmpty()) {
            out.append(String.format("%nMembranes: equilibrium potential E_X and driving force V - E_X:%n"));
            out.append(String.format(Locale.ROOT, "  %-12s %-6s %12s %14s  %s%n", "membrane", "ion", "E_X(mV)",
                    "V-E_X(mV)", "at equilibrium"));
            int shown = 0;
            for (Map.Entry<String, Map<String, SteadyResult.Equilibrium>> m : r.membranes().entrySet()) {
                for (Map.Entry<String, SteadyResult.Equilibrium> ion : m.getValue().entrySet()) {
                    if (shown++ == MAX_ROWS) {
                        out.append(more(-1));
                        return out.toString();
                    }
                    SteadyResult.Equilibrium e = ion.getValue();
                    out.append(String.format(Locale.ROOT, "  %-12s %-6s %12s %14s  %s%n", m.getKey(), ion.getKey(),
                            fixed(e.eMv()), fixed(e.drivingForceMv()), e.atEquilibrium() ? "yes" : "no"));
                }
            }
        }
        return out.toString();
    }

    /**
     * The block {@code explain} adds: for each membrane, its steady V and the steady concentrations on its
     * non-clamped sides, or why there is none.
     */
    public static String explainBlock(Model model, SteadyResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nWhere it settles (the steady state of these equations, solved directly as "
                + "`ionflux steady` does):%n"));
        if (!r.isSteady()) {
            out.append(r.status().equals("no_steady_state") ? "Nowhere: " : "The steady state was not found: ")
                    .append(r.message()).append(System.lineSeparator());
            return out.toString();
        }
        for (Membrane mem : model.membranes()) {
            StringBuilder line = new StringBuilder("Membrane " + mem.name() + ": V = "
                    + fixed2(r.values().get(mem.name() + ".V_mV")) + " mV");
            for (int c : new int[] {mem.insideIndex(), mem.outsideIndex()}) {
                Compartment comp = model.compartments().get(c);
                if (comp.clamped()) {
                    continue;
                }
                StringBuilder conc = new StringBuilder();
                for (int s = 0; s < model.species().size(); s++) {
                    Double v = r.values().get(comp.name() + "." + model.species().get(s).name() + "_mM");
                    if (v != null && v != 0) {
                        conc.append(conc.length() == 0 ? "" : ", ").append(model.species().get(s).name()).append(' ')
                                .append(number(v)).append(" mM");
                    }
                }
                Double volume = r.values().get(comp.name() + ".volume_pL");
                line.append("; ").append(comp.name()).append(": ").append(conc)
                        .append(volume == null ? "" : ", volume " + number(volume) + " pL");
            }
            out.append(line).append(System.lineSeparator());
        }
        List<SteadyResult.TimeConstant> taus = r.timeConstants();
        if (!taus.isEmpty()) {
            out.append(String.format(Locale.ROOT, "It gets there with time constants from %s (%s) to %s (%s).%n",
                    duration(Math.abs(taus.get(taus.size() - 1).tauS())),
                    String.join(", ", taus.get(taus.size() - 1).dominant()), duration(Math.abs(taus.get(0).tauS())),
                    String.join(", ", taus.get(0).dominant())));
        }
        return out.toString();
    }

    private static String more(int n) {
        return n < 0 ? String.format("  ... and more (see steady.json)%n")
                : String.format("  ... and %d more (see steady.json)%n", n);
    }

    /** @return a time in the unit that reads best (three digits): us, ms, s, min, h or days */
    static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "infinite";
        }
        // a value that rounds up to 1000 of a unit is shown in the next unit
        double[] limits = {0.9995e-3, 0.9995, 119.5, 7170, 172000};
        String[] units = {"us", "ms", "s", "min", "h"};
        double[] factors = {1e6, 1e3, 1, 1.0 / 60, 1.0 / 3600};
        for (int k = 0; k < limits.length; k++) {
            if (s < limits[k]) {
                return String.format(Locale.ROOT, "%.3g %s", s * factors[k], units[k]);
            }
        }
        return String.format(Locale.ROOT, "%.3g days", s / 86400);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : (v > 0 ? "inf" : v < 0 ? "-inf" : "nan");
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : number(v);
    }

    private static String fixed2(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.2f", v);
    }
}
