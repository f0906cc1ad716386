package org.ionflux.internal.steady;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;

/**
 * A conserved quantity in words, built from its nonzero coefficients: amounts grouped by compartments that carry the
 * same combination of species ("K + Cl amount in cell and bath"), the transfer into clamped compartments ("moved
 * into clamped compartments"), a membrane's capacitive charge as {@code C A V / F} (so that a charge law reads in
 * moles of elementary charge), volumes, the charge that leaks and stimuli bring in.
 */
final class LawText {

    /** Compartments listed by name before "and N more". */
    static final int MAX_LISTED = 4;
    /** Coefficients closer than this (relative) are equal, and closer to an integer are that integer. */
    private static final double SAME = 1e-9;

    private LawText() {
    }

    /** @return the law {@code sum coefficients[k] y[indices[k]]} of {@code problem}'s state in words */
    static String describe(SteadyProblem problem, int[] indices, double[] coefficients) {
        Model model = problem.model();
        int speciesCount = model.species().size();
        Map<Integer, double[]> amounts = new LinkedHashMap<>();
        double[] transfer = new double[speciesCount];
        boolean anyTransfer = false;
        Map<Integer, Double> volumes = new LinkedHashMap<>();
        Map<Integer, Double> potentials = new LinkedHashMap<>();
        Map<Integer, Double> external = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        double largest = 0;
        for (double c : coefficients) {
            largest = Math.max(largest, Math.abs(c));
        }
        final double max = largest;
        // sort by index so that compartments and species come in scenario order
        Integer[] order = new Integer[indices.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(indices[a], indices[b]));
        for (int k : order) {
            int i = indices[k];
            double c = coefficients[k];
            switch (problem.kind(i)) {
                case AMOUNT:
                    amounts.computeIfAbsent(problem.owner(i), x -> new double[speciesCount])[problem.species(i)] = c;
                    break;
                case TRANSFER:
                    transfer[problem.species(i)] = c;
                    anyTransfer = true;
                    break;
                case VOLUME:
                    volumes.put(problem.owner(i), c);
                    break;
                case POTENTIAL:
                    potentials.put(problem.owner(i), c);
                    break;
                case EXTERNAL_CHARGE:
                    external.put(problem.owner(i), c);
                    break;
                default:
                    others.add(term(c, problem.describe(i), true));
                    break;
            }
        }
        List<String> parts = new ArrayList<>();
        // amounts: compartments with the same combination of species together
        List<double[]> combos = new ArrayList<>();
        List<List<String>> where = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : amounts.entrySet()) {
            int found = indexOf(combos, e.getValue(), max);
            if (found < 0) {
                combos.add(e.getValue());
                where.add(new ArrayList<>());
                found = combos.size() - 1;
            }
            where.get(found).add(model.compartments().get(e.getKey()).name());
        }
        final boolean transferToo = anyTransfer;
        if (anyTransfer) {
            int found = indexOf(combos, transfer, max);
            if (found < 0) {
                combos.add(transfer);
                where.add(new ArrayList<>());
                found = combos.size() - 1;
            }
            where.get(found).add("moved into clamped compartments");
        }
        for (int g = 0; g < combos.size(); g++) {
            parts.add(combo(model, combos.get(g)) + " amount " + places(where.get(g)));
        }
        if (!volumes.isEmpty()) {
            double first = volumes.values().iterator().next();
            boolean same = volumes.values().stream().allMatch(v -> Math.abs(v - first) <= SAME * max);
            if (same && Math.abs(first - 1) <= SAME) {
                List<String> names = new ArrayList<>();
                volumes.keySet().forEach(c -> names.add(model.compartments().get(c).name()));
                parts.add((names.size() > 1 ? "total volume of " : "volume of ") + list(names));
            } else {
                StringBuilder sb = new StringBuilder();
                volumes.forEach((c, v) -> sb.append(term(v, "volume of " + model.compartments().get(c).name(),
                        sb.length() == 0)));
                parts.add(sb.toString());
            }
        }
        StringBuilder charge = new StringBuilder();
        potentials.forEach((m, c) -> {
            Membrane mem = model.membranes().get(m);
            double unit = mem.capacitanceFPerM2() * mem.areaM2() / Constants.FARADAY_C_PER_MOL;
            boolean alone = amounts.isEmpty() && !transferToo && charge.length() == 0;
            charge.append(alone && potentials.size() == 1 ? term(c, "potential of " + mem.name(), true)
                    : term(c / unit, "C A V / F of " + mem.name(), parts.isEmpty() && charge.length() == 0));
        });
        if (amounts.isEmpty() && !anyTransfer && potentials.isEmpty() && !external.isEmpty()) {
            // charge alone, in coulombs: "charge brought into axon and space by leaks and stimuli"
            double first = external.values().iterator().next();
            boolean same = external.values().stream().allMatch(v -> Math.abs(v - first) <= SAME * max);
            List<String> names = new ArrayList<>();
            external.keySet().forEach(c -> names.add(model.compartments().get(c).name()));
            if (same) {
                parts.add(term(first, "charge brought into " + list(names) + " by leaks and stimuli", true));
            } else {
                StringBuilder sb = new StringBuilder();
                external.forEach((c, v) -> sb.append(term(v, "charge brought into "
                        + model.compartments().get(c).name() + " by leaks and stimuli", sb.length() == 0)));
                parts.add(sb.toString());
            }
            external.clear();
        }
        external.forEach((c, v) -> charge.append(term(v * Constants.FARADAY_C_PER_MOL, "(charge brought into "
                + model.compartments().get(c).name() + " by leaks and stimuli) / F",
                parts.isEmpty() && charge.length() == 0)));
        String text = String.join("; ", parts);
        if (charge.length() > 0) {
            text = (amounts.isEmpty() && !anyTransfer ? "" : "charge: ") + text + (text.isEmpty() ? "" : " ")
                    + charge.toString().strip();
        }
        if (!others.isEmpty()) {
            text = text + (text.isEmpty() ? "" : " ") + String.join(" ", others).strip();
        }
        return text.strip();
    }

    private static int indexOf(List<double[]> combos, double[] v, double max) {
        for (int g = 0; g < combos.size(); g++) {
            boolean same = true;
            for (int s = 0; s < v.length && same; s++) {
                same = Math.abs(combos.get(g)[s] - v[s]) <= SAME * max;
            }
            if (same) {
                return g;
            }
        }
        return -1;
    }

    /** @return e.g. "K + Cl", "Na + K - Cl - 0.85 X", "-K + Cl" */
    private static String combo(Model model, double[] c) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < c.length; s++) {
            if (c[s] != 0) {
                sb.append(term(c[s], model.species().get(s).name(), sb.length() == 0));
            }
        }
        return sb.toString();
    }

    /** @return "in cell and bath", or "moved into ..." for the transfer alone */
    private static String places(List<String> names) {
        if (names.size() == 1 && names.get(0).startsWith("moved")) {
            return names.get(0);
        }
        return "in " + list(names);
    }

    /** @return "a", "a and b", "a, b and c", or "a, b, c, d and 17 more" */
    static String list(List<String> names) {
        if (names.size() > MAX_LISTED + 1) {
            return String.join(", ", names.subList(0, MAX_LISTED)) + " and " + (names.size() - MAX_LISTED) + " more";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** @return a signed term: "K", " + K", " - K", "2 K", " - 0.85 X" */
    private static String term(double coefficient, String name, boolean first) {
        double magnitude = Math.abs(coefficient);
        String number = Math.abs(magnitude - 1) <= SAME ? "" : number(magnitude) + " ";
        if (first) {
            return (coefficient < 0 ? "-" : "") + number + name;
        }
        return (coefficient < 0 ? " - " : " + ") + number + name;
    }

    /** @return an integer if the value is one to 1e-9, otherwise 4 significant digits */
    static String number(double v) {
        double rounded = Math.rint(v);
        if (Math.abs(v - rounded) <= SAME * Math.max(1, Math.abs(v))) {
            return String.format(Locale.ROOT, "%d", (long) rounded);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
