package org.ionflux.internal.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.mechanism.Term;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Species;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.solver.IonFluxSystem;

/**
 * The {@code explain} report: for each membrane and ion at t = 0, both concentrations, {@code E_X}, {@code V}, the
 * driving force {@code V - E_X} and the direction of the current and of the ion's flux, then a few sentences per
 * ion saying why, in the words of docs/physics.md section 4 (a cation leaves when {@code V - E_X > 0}, an anion when
 * {@code V - E_X < 0}).
 */
public final class ExplainReport {

    private ExplainReport() {
    }

    /**
     * The explanation as data, for the text of {@code explain} and the tables of the HTML report.
     *
     * @param heading     first line: scenario, temperature and RT/F
     * @param description the scenario's description, stripped, or ""
     * @param conventions the sentence on sign conventions
     * @param membranes   one table per membrane
     */
    public record Explanation(String heading, String description, String conventions, List<MembraneTable> membranes) {
    }

    /**
     * One membrane's table.
     *
     * @param heading    {@code Membrane m: inside a, outside b, V = -70.00 mV (clamped)}
     * @param rows       one row per charged species (or neutral one with a channel)
     * @param paragraphs why each ion moves as it does, then what each mechanism adds
     */
    public record MembraneTable(String heading, List<Row> rows, List<String> paragraphs) {
    }

    /**
     * One row of a membrane's table, as text.
     *
     * @param ion     species name
     * @param charge  {@code +1}, {@code -2}, ...
     * @param inside  concentration inside, mM
     * @param outside concentration outside, mM
     * @param nernst  E_X, mV ({@code -}, {@code +inf} or {@code -inf} when undefined)
     * @param v       V, mV
     * @param drive   V - E_X, mV
     * @param current {@code outward}, {@code inward}, {@code none} or {@code -}
     * @param flux    {@code out of <inside>}, {@code into <inside>}, {@code none} or {@code no pathway}
     */
    public record Row(String ion, String charge, String inside, String outside, String nernst, String v,
                      String drive, String current, String flux) {
    }

    /** Column titles of a membrane's table. */
    public static final List<String> COLUMNS = List.of("ion", "z", "inside(mM)", "outside(mM)", "E_X(mV)", "V(mV)",
            "V-E_X(mV)", "current", "ion flux");

    private static final String ROW_FORMAT = "%-8s %5s %12s %12s %10s %9s %11s %-9s %-22s%n";

    /** @return the report for the initial state of {@code model} */
    public static String render(Model model) {
        Explanation e = explain(model);
        StringBuilder out = new StringBuilder();
        out.append(e.heading()).append(System.lineSeparator());
        if (!e.description().isEmpty()) {
            out.append(e.description()).append(System.lineSeparator());
        }
        out.append(e.conventions()).append(System.lineSeparator());
        for (MembraneTable t : e.membranes()) {
            out.append(System.lineSeparator()).append(t.heading()).append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, ROW_FORMAT, COLUMNS.toArray()));
            for (Row r : t.rows()) {
                out.append(String.format(Locale.ROOT, ROW_FORMAT, r.ion(), r.charge(), r.inside(), r.outside(),
                        r.nernst(), r.v(), r.drive(), r.current(), r.flux()));
            }
            for (String paragraph : t.paragraphs()) {
                out.append(System.lineSeparator()).append(paragraph).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** @return the explanation of the initial state of {@code model}, as data */
    public static Explanation explain(Model model) {
        IonFluxSystem system = new IonFluxSystem(model);
        double[] y = system.initialState();
        system.computeDerivatives(0.0, y, new double[system.dimension()]);
        double thermalMv = Constants.thermalVoltageVolts(model.temperatureK()) * 1e3;
        String heading = String.format(Locale.ROOT, "Scenario %s at %.2f degC (RT/F = %.3f mV)", model.name(),
                model.temperatureCelsius(), thermalMv);
        String description = model.description().isBlank() ? "" : model.description().strip();
        String conventions = "Sign conventions: V = phi_inside - phi_outside; currents are outward positive; "
                + "a flux is 'out' when the ion leaves the inside compartment.";
        List<MembraneTable> tables = new ArrayList<>();
        for (int m = 0; m < model.membranes().size(); m++) {
            Membrane mem = model.membranes().get(m);
            Compartment in = model.compartments().get(mem.insideIndex());
            Compartment outside = model.compartments().get(mem.outsideIndex());
            double vMv = system.potentialVolts(m) * 1e3;
            String membraneHeading = String.format(Locale.ROOT, "Membrane %s: inside %s, outside %s, V = %.2f mV (%s)",
                    mem.name(), in.name(), outside.name(), vMv, mem.isDynamic() ? "free, initial value" : "clamped");
            List<Row> rows = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            for (int s = 0; s < model.species().size(); s++) {
                Species sp = model.species().get(s);
                if (sp.charge() == 0 && !mem.hasChannelFor(s)) {
                    continue;
                }
                double cIn = system.concentrationMolPerM3(mem.insideIndex(), s);
                double cOut = system.concentrationMolPerM3(mem.outsideIndex(), s);
                double eMv = sp.charge() == 0 ? Double.NaN : system.nernstPotentialVolts(m, s) * 1e3;
                double drive = vMv - eMv;
                boolean pathway = system.moves(m, s);
                double flux = system.speciesFluxMolPerS(m, s);
                double current = system.speciesCurrentAPerM2(m, s) * 1e2;
                String currentWord = !pathway || sp.charge() == 0 ? "-" : direction(current, "outward", "inward");
                String fluxWord = !pathway ? "no pathway" : direction(flux, "out of " + in.name(), "into " + in.name());
                rows.add(new Row(sp.name(), charge(sp.charge()), number(cIn), number(cOut), mv(eMv),
                        String.format(Locale.ROOT, "%.2f", vMv), mv(drive), currentWord, fluxWord));
                if (pathway) {
                    String carried = carriers(system, m, s);
                    String net = carried.isEmpty() ? "" : String.format(Locale.ROOT, " Counting channels, pumps "
                            + "and transporters together, the net flux of %s is %s (%.4g fmol/s).", sp.name(),
                            direction(flux, "out of " + in.name(), "into " + in.name()), flux * 1e15);
                    paragraphs.add(story(model, mem, sp, channelKinds(system, m, s), cIn, cOut, eMv, vMv, flux,
                            current, in, outside, !carried.isEmpty()).strip() + carried + net);
                }
            }
            for (Term t : system.terms().mechanisms()) {
                paragraphs.addAll(t.membraneParagraphs(m, system.view(), system.fluxes()));
            }
            tables.add(new MembraneTable(membraneHeading, List.copyOf(rows), List.copyOf(paragraphs)));
        }
        return new Explanation(heading, description, conventions, List.copyOf(tables));
    }

    private static String story(Model model, Membrane mem, Species sp, String kind, double cIn, double cOut, double eMv,
                                double vMv, double flux, double currentUa, Compartment in, Compartment out,
                                boolean alsoCarried) {
        String ion = sp.name();
        double z = sp.charge();
        StringBuilder sb = new StringBuilder();
        sb.append(ion).append(" (").append(kind).append("): ");
        if (cIn == cOut) {
            sb.append("the concentration is the same on both sides, so diffusion alone does not push it either way. ");
        } else {
            String fromWhere = cOut > cIn ? out.name() : in.name();
            String toWhere = cOut > cIn ? "into " + in.name() : "out of " + in.name();
            sb.append(String.format(Locale.ROOT, "there is more %s in %s (%s mM) than in %s (%s mM), so diffusion "
                    + "alone pushes it %s. ", ion, fromWhere, number(Math.max(cIn, cOut)),
                    fromWhere.equals(out.name()) ? in.name() : out.name(), number(Math.min(cIn, cOut)), toWhere));
        }
        if (z == 0) {
            sb.append("It carries no charge, so the potential does not act on it: it diffuses down its gradient.");
            return sb.toString();
        }
        String sign = z > 0 ? "positive" : "negative";
        if (vMv != 0) {
            boolean insideNegative = vMv < 0;
            boolean pushedOut = (z > 0) != insideNegative;
            sb.append(String.format(Locale.ROOT, "The inside is %s (V = %.2f mV) and %s is %s (z = %s), so the "
                    + "electrical force pushes it %s. ", insideNegative ? "negative" : "positive", vMv, ion, sign,
                    charge(z), pushedOut ? "out of " + in.name() : "into " + in.name()));
        } else {
            sb.append("At V = 0 there is no electrical force. ");
        }
        if (Double.isFinite(eMv)) {
            double drive = vMv - eMv;
            sb.append(String.format(Locale.ROOT, "The two forces would balance at E_%s = %.2f mV. The driving force "
                    + "V - E_%s = %.2f mV ", ion, eMv, ion, drive));
            if (Math.abs(drive) < 1e-9) {
                sb.append("is zero: the ion is at equilibrium and there is no net flow.");
                return sb.toString();
            }
            boolean leaves = (z > 0) == (drive > 0);
            sb.append(String.format(Locale.ROOT, "is %s and %s is %s, so %s%s flows %s. ", drive > 0 ? "positive"
                    : "negative", ion, z > 0 ? "a cation" : "an anion", alsoCarried ? "through its channels " : "",
                    ion, leaves ? "out of " + in.name() + " into " + out.name() : "from " + out.name() + " into "
                    + in.name()));
        } else {
            sb.append(String.format(Locale.ROOT, "One side has no %s, so E_%s is infinite and the ion can only flow "
                    + "toward the side that lacks it. ", ion, ion));
        }
        if (flux != 0 && !alsoCarried) {
            boolean outward = currentUa > 0;
            sb.append(String.format(Locale.ROOT, "A %s ion moving %s carries %s current (%+.4g uA/cm^2 by the "
                    + "outward-positive convention).", sign, flux > 0 ? "out" : "in", outward ? "an outward"
                    : "an inward", currentUa));
        }
        if (!mem.isDynamic() && out.clamped() && !in.clamped()) {
            double eq = cOut * Math.exp(-z * vMv / (Constants.thermalVoltageVolts(model.temperatureK()) * 1e3));
            sb.append(String.format(Locale.ROOT, " With V clamped and %s a fixed bath, it flows until E_%s = V, "
                    + "that is until %s in %s reaches %s mM.", out.name(), ion, ion, in.name(), number(eq)));
        }
        return sb.toString();
    }

    /** Sentences on what pumps and transporters do to species s on membrane m, or "". */
    private static String carriers(IonFluxSystem system, int m, int s) {
        StringBuilder sb = new StringBuilder();
        for (Term t : system.terms().mechanisms()) {
            t.carrierSentences(m, s).forEach(sb::append);
        }
        return sb.toString();
    }

    /** @return the channels of membrane m that move species s, in words ("ohmic channel and GHK channel") */
    private static String channelKinds(IonFluxSystem system, int m, int s) {
        List<String> names = new ArrayList<>();
        for (Term t : system.terms().mechanisms()) {
            for (String n : t.channelNames(m, s)) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return names.isEmpty() ? "no channel" : String.join(" and ", names);
    }

    private static String direction(double value, String positive, String negative) {
        return value > 0 ? positive : value < 0 ? negative : "none";
    }

    private static String charge(double z) {
        if (z == Math.rint(z)) {
            return String.format(Locale.ROOT, "%+d", (long) z);
        }
        return String.format(Locale.ROOT, "%+.3g", z);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String mv(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
