package org.ionflux.internal.output.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The three figures of a run, as data: potentials (one panel per membrane: {@code V} and the {@code E_X} of its
 * ions), concentrations (one panel per compartment, each with its own scale, logarithmic when its values span more
 * than {@link #LOG_SPAN} decades) and current densities (one panel per membrane: every ion current, the leak, the
 * pumps and the stimulus). Built from trace columns and rows (already thinned), time in a unit chosen from the
 * span. Column names follow docs/commands.md ({@code <compartment>.<ion>_mM}, {@code <membrane>.E_<ion>_mV}, ...).
 */
public final class RunFigures {

    /** A panel whose largest positive value exceeds its smallest by this factor gets a log scale (two decades). */
    public static final double LOG_SPAN = 100;
    /** Most panels in one figure (a model with hundreds of compartments must not make a giant image). */
    public static final int MAX_PANELS = 12;
    /** Most series in one panel; the trace has them all. */
    public static final int MAX_SERIES = 40;

    /** What a column holds, as far as plots are concerned. */
    public enum Quantity {
        /** {@code t_s}. */
        TIME,
        /** {@code <membrane>.V_mV}. */
        POTENTIAL,
        /** {@code <membrane>.E_<ion>_mV}. */
        NERNST,
        /** {@code <compartment>.<ion>_mM}. */
        CONCENTRATION,
        /** {@code <membrane>.I_<ion|leak|pump|stim>_uA_cm2}. */
        CURRENT,
        /** Anything not plotted (volumes, fluxes, gates). */
        OTHER;

        /** @return the quantity of a trace column, from its name */
        public static Quantity ofName(String name) {
            int dot = name.indexOf('.');
            if (name.equals("t_s")) {
                return TIME;
            }
            if (dot < 0) {
                return OTHER;
            }
            String rest = name.substring(dot + 1);
            if (rest.equals("V_mV")) {
                return POTENTIAL;
            }
            if (rest.startsWith("E_") && rest.endsWith("_mV") && rest.length() > 5) {
                return NERNST;
            }
            if (rest.startsWith("I_") && rest.endsWith("_uA_cm2") && rest.length() > 9) {
                return CURRENT;
            }
            if (rest.endsWith("_mM") && rest.length() > 3) {
                return CONCENTRATION;
            }
            return OTHER;
        }
    }

    /**
     * A trace column.
     *
     * @param name     its name in trace.csv
     * @param quantity what it holds
     */
    public record Column(String name, Quantity quantity) {

        /** @return a column whose quantity is read from its name */
        public static Column named(String name) {
            return new Column(name, Quantity.ofName(name));
        }

        /** @return the compartment or membrane the column belongs to */
        String owner() {
            return name.substring(0, name.indexOf('.'));
        }

        /** @return the ion (or leak, pump, stim) of an E, I or concentration column */
        String ion() {
            String rest = name.substring(name.indexOf('.') + 1);
            return switch (quantity) {
                case NERNST -> rest.substring(2, rest.length() - 3);
                case CURRENT -> rest.substring(2, rest.length() - 7);
                case CONCENTRATION -> rest.substring(0, rest.length() - 3);
                default -> "";
            };
        }
    }

    /**
     * The three figures.
     *
     * @param potential      {@code potential.png}
     * @param concentrations {@code concentrations.png}
     * @param currents       {@code currents.png}
     */
    public record Figures(Figure potential, Figure concentrations, Figure currents) {
    }

    private RunFigures() {
    }

    /**
     * @param scenario name of the scenario, for the titles
     * @param columns  the trace's columns; the first is {@code t_s}
     * @param rows     rows of values in the columns' order, in time order (thinned for plotting)
     * @param plotted  which columns to plot ({@code simulation.plot}); every one when null
     * @return the figures
     */
    public static Figures of(String scenario, List<Column> columns, List<double[]> rows, Predicate<String> plotted) {
        if (rows.isEmpty()) {
            String none = "nothing to plot: the trace has no row";
            return new Figures(new Figure(scenario + ": potentials", "t (s)", 0, 1, List.of(), none),
                    new Figure(scenario + ": concentrations", "t (s)", 0, 1, List.of(), none),
                    new Figure(scenario + ": currents", "t (s)", 0, 1, List.of(), none));
        }
        List<String> ions = ions(columns);
        double[] seconds = column(rows, 0);
        double t0 = seconds.length == 0 ? 0 : seconds[0];
        double t1 = seconds.length == 0 ? 0 : seconds[seconds.length - 1];
        TimeAxisUnit unit = TimeAxisUnit.forSpan(t1 - t0);
        double[] time = new double[seconds.length];
        for (int i = 0; i < time.length; i++) {
            time[i] = unit.fromSeconds(seconds[i]);
        }
        String xTitle = "t (" + unit.symbol() + ")";
        double xLo = unit.fromSeconds(t0);
        double xHi = unit.fromSeconds(t1);
        Predicate<String> shown = plotted == null ? name -> true : plotted;

        Map<String, List<Integer>> byMembraneV = group(columns, shown, Quantity.POTENTIAL, Quantity.NERNST);
        List<Panel> potentialPanels = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byMembraneV.entrySet()) {
            List<Series> series = new ArrayList<>();
            List<String> notDrawn = new ArrayList<>();
            for (int index : e.getValue()) {
                Column c = columns.get(index);
                double[] y = column(rows, index);
                String label = c.quantity() == Quantity.POTENTIAL ? "V" : "E_" + c.ion();
                if (!anyFinite(y)) {
                    notDrawn.add(label + " (infinite)");
                    continue;
                }
                Style style = c.quantity() == Quantity.POTENTIAL ? Palette.potential()
                        : Palette.nernst(ions.indexOf(c.ion()));
                series.add(new Series(label, time, y, style));
            }
            potentialPanels.add(new Panel("membrane " + e.getKey(), "V, E_X (mV)", false, limit(series),
                    notDrawnNote(notDrawn), false));
        }
        Figure potential = figure(scenario + ": membrane potential V (solid) and equilibrium potentials E_X (dashed)",
                xTitle, xLo, xHi, potentialPanels, "membranes");

        Map<String, List<Integer>> byCompartment = group(columns, shown, Quantity.CONCENTRATION);
        List<Panel> allCompartments = new ArrayList<>();
        List<Panel> moving = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byCompartment.entrySet()) {
            List<String> labels = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            List<Style> styles = new ArrayList<>();
            for (int index : e.getValue()) {
                Column c = columns.get(index);
                labels.add(c.ion());
                values.add(column(rows, index));
                styles.add(Palette.ion(ions.indexOf(c.ion())));
            }
            Panel panel = scaledPanel("compartment " + e.getKey(), "c", CONCENTRATION_UNITS, true, time, labels,
                    values, styles, false);
            allCompartments.add(panel);
            if (moves(values)) {
                moving.add(panel);
            }
        }
        // a panel where nothing changes (a clamped bath) says nothing: shown only when nothing changes anywhere,
        // or when simulation.plot asked for it
        List<Panel> concentrationPanels = moving.isEmpty() || plotted != null ? allCompartments : moving;
        Figure concentrations = figure(scenario + ": concentrations, one panel per compartment", xTitle, xLo, xHi,
                concentrationPanels, "compartments");

        Map<String, List<Integer>> byMembraneI = group(columns, shown, Quantity.CURRENT);
        List<Panel> currentPanels = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byMembraneI.entrySet()) {
            List<String> labels = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            List<Style> styles = new ArrayList<>();
            int others = 0;
            for (int index : e.getValue()) {
                Column c = columns.get(index);
                String ion = c.ion();
                labels.add("I_" + ion);
                values.add(column(rows, index));
                styles.add(switch (ion) {
                    case "leak" -> Palette.leak();
                    case "pump" -> Palette.pump();
                    case "stim" -> Palette.stimulus();
                    default -> ions.contains(ion) ? Palette.ion(ions.indexOf(ion)) : Palette.other(others++);
                });
            }
            currentPanels.add(scaledPanel("membrane " + e.getKey(), "I", CURRENT_UNITS, false, time, labels, values,
                    styles, true));
        }
        Figure currents = figure(scenario + ": current densities, outward positive", xTitle, xLo, xHi, currentPanels,
                "currents");
        return new Figures(potential, concentrations, currents);
    }

    /** A unit and the factor from the column's unit to it. */
    record Unit(String symbol, double factor) {
    }

    /** Concentration units, from the trace's mM down. */
    static final List<Unit> CONCENTRATION_UNITS = List.of(new Unit("mM", 1), new Unit("\u00b5M", 1e3),
            new Unit("nM", 1e6));
    /** Current density units, from the trace's uA/cm^2 down. */
    static final List<Unit> CURRENT_UNITS = List.of(new Unit("\u00b5A/cm\u00b2", 1), new Unit("nA/cm\u00b2", 1e3),
            new Unit("pA/cm\u00b2", 1e6));
    /** Values below this in a unit move to the next smaller unit (0.05 mM is shown as 50 uM). */
    static final double SMALLEST_IN_UNIT = 0.1;

    /**
     * A panel of one quantity: log scale if allowed and the positive values span more than {@link #LOG_SPAN};
     * otherwise linear, in the largest unit in which the largest |value| is at least {@link #SMALLEST_IN_UNIT}.
     */
    static Panel scaledPanel(String title, String symbol, List<Unit> units, boolean logAllowed, double[] time,
                             List<String> labels, List<double[]> values, List<Style> styles, boolean zeroLine) {
        double minPositive = Double.POSITIVE_INFINITY;
        double maxPositive = 0;
        double maxAbs = 0;
        for (double[] y : values) {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                    if (v > 0) {
                        minPositive = Math.min(minPositive, v);
                        maxPositive = Math.max(maxPositive, v);
                    }
                }
            }
        }
        boolean log = logAllowed && maxPositive > 0 && maxPositive > LOG_SPAN * minPositive;
        Unit unit = units.get(0);
        if (!log && maxAbs > 0) {
            for (Unit u : units) {
                unit = u;
                if (maxAbs * u.factor() >= SMALLEST_IN_UNIT) {
                    break;
                }
            }
        }
        List<Series> series = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double[] y = values.get(i);
            if (log && !anyPositive(y) || !log && !anyFinite(y)) {
                notDrawn.add(labels.get(i) + (log && anyFinite(y) ? " (not positive)" : " (not finite)"));
                continue;
            }
            double[] scaled = y;
            if (unit.factor() != 1) {
                scaled = new double[y.length];
                for (int r = 0; r < y.length; r++) {
                    scaled[r] = y[r] * unit.factor();
                }
            }
            series.add(new Series(labels.get(i), time, scaled, styles.get(i)));
        }
        String yTitle = symbol + " (" + unit.symbol() + (log ? ", log scale" : "") + ")";
        return new Panel(title, yTitle, log, limit(series), notDrawnNote(notDrawn), zeroLine && !log);
    }

    private static Figure figure(String title, String xTitle, double xLo, double xHi, List<Panel> panels,
                                 String what) {
        String shownTitle = title;
        List<Panel> shown = panels;
        if (panels.size() > MAX_PANELS) {
            shownTitle += " (first " + MAX_PANELS + " of " + panels.size() + " " + what + ")";
            shown = panels.subList(0, MAX_PANELS);
        }
        return new Figure(shownTitle, xTitle, xLo, xHi, shown, "nothing to plot: no " + what + " among the plotted "
                + "columns (see simulation.record and simulation.plot)");
    }

    private static String notDrawnNote(List<String> notDrawn) {
        return notDrawn.isEmpty() ? "" : "not drawn: " + String.join(", ", notDrawn);
    }

    private static List<Series> limit(List<Series> series) {
        return series.size() > MAX_SERIES ? series.subList(0, MAX_SERIES) : series;
    }

    /** @return the ions in the order they first appear in the columns (model order), for stable colours */
    static List<String> ions(List<Column> columns) {
        List<String> ions = new ArrayList<>();
        for (Quantity q : List.of(Quantity.CONCENTRATION, Quantity.NERNST, Quantity.CURRENT)) {
            for (Column c : columns) {
                if (c.quantity() == q) {
                    String ion = c.ion();
                    boolean special = q == Quantity.CURRENT && (ion.equals("leak") || ion.equals("pump")
                            || ion.equals("stim"));
                    if (!special && !ions.contains(ion)) {
                        ions.add(ion);
                    }
                }
            }
        }
        return ions;
    }

    /** @return indices of the shown columns of the given quantities, grouped by owner in order of appearance */
    private static Map<String, List<Integer>> group(List<Column> columns, Predicate<String> shown,
                                                    Quantity... quantities) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (List.of(quantities).contains(c.quantity()) && shown.test(c.name())) {
                groups.computeIfAbsent(c.owner(), k -> new ArrayList<>()).add(i);
            }
        }
        return groups;
    }

    private static boolean moves(List<double[]> values) {
        for (double[] y : values) {
            for (double v : y) {
                if (Double.compare(v, y[0]) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyFinite(double[] y) {
        for (double v : y) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPositive(double[] y) {
        for (double v : y) {
            if (Double.isFinite(v) && v > 0) {
                return true;
            }
        }
        return false;
    }

    static double[] column(List<double[]> rows, int index) {
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = rows.get(r)[index];
        }
        return values;
    }
}
