package org.ionflux.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.ionflux.model.Channel;
import org.ionflux.model.Compartment;
import org.ionflux.model.Membrane;
import org.ionflux.model.Model;
import org.ionflux.model.Species;

/**
 * The columns of {@code trace.csv} (SCENARIO.md "Outputs of run"), in contract order, and how to fill a row
 * of them, in output units (s, mV, mM, uA/cm^2, fmol/s), from a solver state.
 */
public final class TraceColumns {

    /** What a column holds; decides its unit and whether it has a time to equilibrium. */
    public enum Kind {
        /** Time, s. */
        TIME,
        /** Membrane potential, mV. */
        POTENTIAL,
        /** Concentration, mM. */
        CONCENTRATION,
        /** Compartment volume, pL. */
        VOLUME,
        /** Nernst potential, mV. */
        NERNST,
        /** Current density, uA/cm^2. */
        CURRENT,
        /** Molar flux, fmol/s. */
        FLUX,
        /** Gating variable, dimensionless. */
        GATE
    }

    /**
     * One trace column.
     *
     * @param name header name, e.g. {@code cell.Cl_mM}
     * @param kind what it holds
     */
    public record Column(String name, Kind kind) {
    }

    private static final double MV_PER_V = 1e3;
    private static final double UA_CM2_PER_A_M2 = 1e2;
    private static final double FMOL_PER_MOL = 1e15;
    private static final double PL_PER_M3 = 1e15;

    private final IonFluxSystem system;
    private final List<Column> columns = new ArrayList<>();
    private final List<ToDoubleFunction<IonFluxSystem>> getters = new ArrayList<>();
    private double[] state;
    private ToDoubleFunction<IonFluxSystem>[] getterArray;
    private boolean needsFluxes;

    /**
     * @param system         the compiled model
     * @param recordPatterns glob patterns ({@code *}, {@code ?}) of columns to keep; empty keeps all;
     *                       {@code t_s} is always kept
     */
    public TraceColumns(IonFluxSystem system, List<String> recordPatterns) {
        this.system = system;
        Model model = system.model();
        List<Pattern> patterns = recordPatterns.stream().map(TraceColumns::globToRegex).toList();
        add(patterns, "t_s", Kind.TIME, s -> Double.NaN);
        List<Membrane> membranes = model.membranes();
        List<Species> species = model.species();
        for (int m = 0; m < membranes.size(); m++) {
            int mm = m;
            add(patterns, membranes.get(m).name() + ".V_mV", Kind.POTENTIAL, s -> s.potentialVolts(mm) * MV_PER_V);
        }
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            for (int i = 0; i < species.size(); i++) {
                int cc = c;
                int ii = i;
                add(patterns, comp.name() + "." + species.get(i).name() + "_mM", Kind.CONCENTRATION,
                        s -> s.concentrationMolPerM3(cc, ii));
            }
        }
        for (int c = 0; c < model.compartments().size(); c++) {
            if (system.layout().volumeIndex(c) >= 0) {
                int cc = c;
                add(patterns, model.compartments().get(c).name() + ".volume_pL", Kind.VOLUME,
                        s -> s.volumeM3(cc) * PL_PER_M3);
            }
        }
        for (int m = 0; m < membranes.size(); m++) {
            Membrane mem = membranes.get(m);
            for (int i = 0; i < species.size(); i++) {
                if (species.get(i).charge() != 0 && mem.hasChannelFor(i)) {
                    int mm = m;
                    int ii = i;
                    String prefix = mem.name() + ".";
                    String ion = species.get(i).name();
                    add(patterns, prefix + "E_" + ion + "_mV", Kind.NERNST,
                            s -> s.nernstPotentialVolts(mm, ii) * MV_PER_V);
                    add(patterns, prefix + "I_" + ion + "_uA_cm2", Kind.CURRENT,
                            s -> s.speciesCurrentAPerM2(mm, ii) * UA_CM2_PER_A_M2);
                }
            }
        }
        for (int m = 0; m < membranes.size(); m++) {
            if (membranes.get(m).hasLeak()) {
                int mm = m;
                add(patterns, membranes.get(m).name() + ".I_leak_uA_cm2", Kind.CURRENT,
                        s -> s.leakCurrentAPerM2(mm) * UA_CM2_PER_A_M2);
            }
        }
        for (int m = 0; m < membranes.size(); m++) {
            for (int i = 0; i < species.size(); i++) {
                if (system.moves(m, i)) {
                    int mm = m;
                    int ii = i;
                    add(patterns, membranes.get(m).name() + ".J_" + species.get(i).name() + "_fmol_s", Kind.FLUX,
                            s -> s.speciesFluxMolPerS(mm, ii) * FMOL_PER_MOL);
                }
            }
        }
        StateLayout layout = system.layout();
        for (int m = 0; m < membranes.size(); m++) {
            Membrane mem = membranes.get(m);
            for (int k = 0; k < mem.channels().size(); k++) {
                if (mem.channels().get(k) instanceof Channel.Gated gated) {
                    for (int g = 0; g < gated.kinetics().gateCount(); g++) {
                        int index = layout.gateIndex(m, k) + g;
                        add(patterns, mem.name() + "." + species.get(gated.speciesIndex()).name() + "_"
                                + gated.kinetics().gate(g).symbol(), Kind.GATE, s -> state[index]);
                    }
                }
            }
        }
    }

    private void add(List<Pattern> patterns, String name, Kind kind, ToDoubleFunction<IonFluxSystem> getter) {
        if (kind == Kind.TIME || patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(name).matches())) {
            columns.add(new Column(name, kind));
            getters.add(getter);
            needsFluxes |= kind == Kind.CURRENT || kind == Kind.FLUX;
        }
    }

    /** @return a regular expression matching the glob ({@code *} any run, {@code ?} one character) */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** @return the recorded columns, in order; the first is {@code t_s} */
    public List<Column> columns() {
        return List.copyOf(columns);
    }

    /** @return the number of recorded columns */
    public int size() {
        return columns.size();
    }

    /**
     * Fills {@code row} with the recorded columns of state y at time t, in output units.
     *
     * @param timeS time, s
     * @param y     solver state
     * @param row   output, length {@link #size()}
     */
    @SuppressWarnings("unchecked")
    public void fill(double timeS, double[] y, double[] row) {
        if (getterArray == null) {
            getterArray = getters.toArray(new ToDoubleFunction[0]);
        }
        // currents and fluxes cost a pass over every mechanism: only when a recorded column needs them
        if (needsFluxes) {
            system.updateObservables(y);
        } else {
            system.updateStateObservables(y);
        }
        state = y;
        row[0] = timeS;
        for (int i = 1; i < row.length; i++) {
            row[i] = getterArray[i].applyAsDouble(system);
        }
    }
}
