package org.ionflux.internal.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ionflux.internal.mechanism.Fluxes;
import org.ionflux.internal.mechanism.StateView;
import org.ionflux.internal.mechanism.StatefulTerm;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Species;
import org.ionflux.internal.scenario.ColumnPatterns;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.StateLayout;

/**
 * The columns of {@code trace.csv} (docs/commands.md "Outputs of run"), in contract order, and how to fill a row
 * of them from a solver state: the engine's SI observables converted to output units (s, mV, mM, pL, uA/cm^2,
 * fmol/s) here, at the edge.
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
    // each column is an operation on the system's observables with up to two indices: a switch, not lambdas, so
    // that the JIT sees one monomorphic loop (20 lambdas at one call site are megamorphic)
    private static final int OP_TIME = 0;
    private static final int OP_POTENTIAL = 1;
    private static final int OP_CONCENTRATION = 2;
    private static final int OP_VOLUME = 3;
    private static final int OP_NERNST = 4;
    private static final int OP_CURRENT = 5;
    private static final int OP_LEAK = 6;
    private static final int OP_FLUX = 7;
    private static final int OP_GATE = 8;
    private static final int OP_PUMP = 9;
    private static final int OP_STIMULUS = 10;
    private final List<int[]> ops = new ArrayList<>();
    /**
     * The row plan, made at the first row. Most columns are one value of the system's arrays (potentials,
     * concentrations, volumes, the flux accumulators) times a unit factor: {@code row[plainColumn[k]] =
     * plainSource[k][plainIndex[k]] * plainUnit[k]}, the same operations as the observables' getters, without a
     * call or a branch per column.
     */
    private int[] plainColumn;
    private double[][] plainSource;
    private int[] plainIndex;
    private double[] plainUnit;
    /**
     * Nernst columns: one logarithm each, times {@code R T / (z F)} in V (the same operations in the same order as
     * {@code Nernst.nernstPotentialVolts}: the same bits).
     */
    private int[] nernstColumn;
    private int[] nernstMembrane;
    private int[] nernstSpecies;
    private double[] nernstVoltsPerLog;
    /** Gate columns: the state variable itself. */
    private int[] gateColumn;
    private int[] gateIndex;
    /** Current and flux columns, rewritten from {@link PinnedCurrents} in a row where it replaced a value. */
    private int[] pinnedColumn;
    private int[] pinnedOp;
    private int[] pinnedA;
    private int[] pinnedB;
    private boolean needsFluxes;
    /** Currents of channel groups that pin their membrane, from the quasi-steady balance; null if none can. */
    private final PinnedCurrents pinned;

    /**
     * @param system         the compiled model
     * @param recordPatterns glob patterns ({@code *}, {@code ?}) of columns to keep; empty keeps all;
     *                       {@code t_s} is always kept
     */
    public TraceColumns(IonFluxSystem system, List<String> recordPatterns) {
        this.system = system;
        Model model = system.model();
        Filter patterns = new Filter(recordPatterns);
        add(patterns, "t_s", Kind.TIME, OP_TIME, 0, 0);
        List<Membrane> membranes = model.membranes();
        List<Species> species = model.species();
        for (int m = 0; m < membranes.size(); m++) {
            int mm = m;
            add(patterns, membranes.get(m).name() + ".V_mV", Kind.POTENTIAL, OP_POTENTIAL, mm, 0);
        }
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            for (int i = 0; i < species.size(); i++) {
                int cc = c;
                int ii = i;
                add(patterns, comp.name() + "." + species.get(i).name() + "_mM", Kind.CONCENTRATION,
                        OP_CONCENTRATION, cc, ii);
            }
        }
        for (int c = 0; c < model.compartments().size(); c++) {
            if (system.layout().volumeIndex(c) >= 0) {
                int cc = c;
                add(patterns, model.compartments().get(c).name() + ".volume_pL", Kind.VOLUME, OP_VOLUME, cc, 0);
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
                    add(patterns, prefix + "E_" + ion + "_mV", Kind.NERNST, OP_NERNST, mm, ii);
                    add(patterns, prefix + "I_" + ion + "_uA_cm2", Kind.CURRENT, OP_CURRENT, mm, ii);
                }
            }
        }
        for (int m = 0; m < membranes.size(); m++) {
            if (membranes.get(m).hasLeak()) {
                int mm = m;
                add(patterns, membranes.get(m).name() + ".I_leak_uA_cm2", Kind.CURRENT, OP_LEAK, mm, 0);
            }
        }
        boolean[] stimulated = new boolean[membranes.size()];
        model.stimuli().forEach(st -> stimulated[st.membraneIndex()] = true);
        for (int m = 0; m < membranes.size(); m++) {
            if (!membranes.get(m).pumps().isEmpty()) {
                add(patterns, membranes.get(m).name() + ".I_pump_uA_cm2", Kind.CURRENT, OP_PUMP, m, 0);
            }
            if (stimulated[m]) {
                add(patterns, membranes.get(m).name() + ".I_stim_uA_cm2", Kind.CURRENT, OP_STIMULUS, m, 0);
            }
        }
        for (int m = 0; m < membranes.size(); m++) {
            for (int i = 0; i < species.size(); i++) {
                if (system.moves(m, i)) {
                    int mm = m;
                    int ii = i;
                    add(patterns, membranes.get(m).name() + ".J_" + species.get(i).name() + "_fmol_s", Kind.FLUX,
                            OP_FLUX, mm, ii);
                }
            }
        }
        StateLayout layout = system.layout();
        for (int t = 0; t < layout.statefulTerms().size(); t++) {
            StatefulTerm term = layout.statefulTerms().get(t);
            for (int local = 0; local < term.stateCount(); local++) {
                add(patterns, term.stateColumn(local), Kind.GATE, OP_GATE, layout.statefulOffset(t) + local, 0);
            }
        }
        PinnedCurrents groups = needsFluxes ? new PinnedCurrents(system) : null;
        pinned = groups == null || groups.isEmpty() ? null : groups;
    }

    private void add(Filter patterns, String name, Kind kind, int op, int a, int b) {
        if (kind == Kind.TIME || patterns.keeps(name)) {
            columns.add(new Column(name, kind));
            ops.add(new int[] {op, a, b});
            needsFluxes |= op == OP_CURRENT || op == OP_LEAK || op == OP_FLUX || op == OP_PUMP || op == OP_STIMULUS;
        }
    }

    /**
     * The record patterns, matched quickly against the tens of thousands of candidate columns of a large model: a
     * name must start with a glob's literal prefix (what precedes its first {@code *} or {@code ?}) before the
     * regular expression is tried, with a matcher reused per pattern.
     */
    private static final class Filter {
        private final String[] prefix;
        private final java.util.regex.Matcher[] matcher;

        Filter(List<String> globs) {
            prefix = new String[globs.size()];
            matcher = new java.util.regex.Matcher[globs.size()];
            for (int k = 0; k < prefix.length; k++) {
                String glob = globs.get(k);
                int wild = 0;
                while (wild < glob.length() && glob.charAt(wild) != '*' && glob.charAt(wild) != '?') {
                    wild++;
                }
                prefix[k] = glob.substring(0, wild);
                matcher[k] = globToRegex(glob).matcher("");
            }
        }

        /** @return true if there are no patterns or one of them matches the whole name */
        boolean keeps(String name) {
            if (prefix.length == 0) {
                return true;
            }
            for (int k = 0; k < prefix.length; k++) {
                if (name.startsWith(prefix[k]) && matcher[k].reset(name).matches()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @return a regular expression matching the glob ({@code *} any run, {@code ?} one character) */
    public static Pattern globToRegex(String glob) {
        return ColumnPatterns.toRegex(glob);
    }

    /**
     * Announces that the states of the rows to come lie within {@code [lowest, highest]} (null: unknown): the
     * pinned-current check then bounds their currents once for all of them where it can.
     */
    public void rowsWithin(double[] lowest, double[] highest) {
        if (pinned != null) {
            pinned.rowsWithin(lowest, highest);
        }
    }

    /** @return rows whose currents' error bound was computed at the row, not over its step (for tests) */
    long rowsBoundedAlone() {
        return pinned == null ? 0 : pinned.rowsBoundedAlone();
    }

    /** @return values replaced by the quasi-steady balance of a pinned channel group so far (for tests) */
    public long pinnedValues() {
        return pinned == null ? 0 : pinned.replacedValues();
    }

    /**
     * @return the largest ratio seen so far of a channel group's direct-current error bound to the other currents
     *     across its membrane (0 when no current is recorded), or an upper bound of it (below the threshold the
     *     bound over a step's rows or the channel terms' own bound); above 1e-3 the group counts as pinned
     */
    public double largestCurrentUncertainty() {
        return pinned == null ? 0 : pinned.largestUncertainty();
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
    public void fill(double timeS, double[] y, double[] row) {
        if (plainColumn == null) {
            plan();
        }
        // currents and fluxes cost a pass over every mechanism: only when a recorded column needs them
        if (needsFluxes) {
            if (pinned != null) {
                pinned.update(y);
            } else {
                system.updateTraceObservables(y);
            }
        } else {
            system.updateStateObservables(y);
        }
        row[0] = timeS;
        for (int k = 0; k < plainColumn.length; k++) {
            row[plainColumn[k]] = plainSource[k][plainIndex[k]] * plainUnit[k];
        }
        for (int k = 0; k < nernstColumn.length; k++) {
            row[nernstColumn[k]] = nernstVoltsPerLog[k] * system.nernstLogRatio(nernstMembrane[k], nernstSpecies[k])
                    * MV_PER_V;
        }
        for (int k = 0; k < gateColumn.length; k++) {
            row[gateColumn[k]] = y[gateIndex[k]];
        }
        if (pinned != null && pinned.replacedInRow()) {
            for (int k = 0; k < pinnedColumn.length; k++) {
                int a = pinnedA[k];
                int b = pinnedB[k];
                row[pinnedColumn[k]] = switch (pinnedOp[k]) {
                    case OP_CURRENT -> pinned.speciesCurrent(a, b) * UA_CM2_PER_A_M2;
                    case OP_LEAK -> pinned.leakCurrent(a) * UA_CM2_PER_A_M2;
                    default -> pinned.speciesFlux(a, b) * FMOL_PER_MOL;
                };
            }
        }
    }

    /** Makes the row plan ({@link #plainColumn} and the others) from the columns' operations. */
    private void plan() {
        StateView view = system.view();
        Fluxes fluxes = system.fluxes();
        int species = view.speciesCount();
        List<Integer> plain = new ArrayList<>();
        List<double[]> sources = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<Double> units = new ArrayList<>();
        List<Integer> nernst = new ArrayList<>();
        List<Integer> gates = new ArrayList<>();
        List<Integer> replaceable = new ArrayList<>();
        for (int i = 1; i < ops.size(); i++) {
            int[] entry = ops.get(i);
            int a = entry[1];
            int b = entry[2];
            double[] source = null;
            int index = 0;
            double unit = 1.0;
            switch (entry[0]) {
                case OP_POTENTIAL -> {
                    source = view.potentials();
                    index = a;
                    unit = MV_PER_V;
                }
                case OP_CONCENTRATION -> {
                    source = view.concentrations();
                    index = a * species + b;
                }
                case OP_VOLUME -> {
                    source = view.volumes();
                    index = a;
                    unit = PL_PER_M3;
                }
                case OP_CURRENT -> {
                    source = fluxes.values();
                    index = fluxes.speciesCurrentIndex(a, b);
                    unit = UA_CM2_PER_A_M2;
                }
                case OP_LEAK -> {
                    source = fluxes.values();
                    index = fluxes.leakCurrentIndex(a);
                    unit = UA_CM2_PER_A_M2;
                }
                case OP_FLUX -> {
                    source = fluxes.values();
                    index = fluxes.speciesFluxIndex(a, b);
                    unit = FMOL_PER_MOL;
                }
                case OP_PUMP -> {
                    source = fluxes.values();
                    index = fluxes.pumpCurrentIndex(a);
                    unit = UA_CM2_PER_A_M2;
                }
                case OP_STIMULUS -> {
                    source = fluxes.values();
                    index = fluxes.stimulusCurrentIndex(a);
                    unit = UA_CM2_PER_A_M2;
                }
                case OP_NERNST -> nernst.add(i);
                case OP_GATE -> gates.add(i);
                default -> throw new IllegalStateException("operation " + entry[0]);
            }
            if (source != null) {
                plain.add(i);
                sources.add(source);
                indices.add(index);
                units.add(unit);
            }
            if (entry[0] == OP_CURRENT || entry[0] == OP_LEAK || entry[0] == OP_FLUX) {
                replaceable.add(i);
            }
        }
        plainSource = sources.toArray(new double[0][]);
        plainIndex = indices.stream().mapToInt(Integer::intValue).toArray();
        plainUnit = units.stream().mapToDouble(Double::doubleValue).toArray();
        nernstColumn = nernst.stream().mapToInt(Integer::intValue).toArray();
        nernstMembrane = new int[nernstColumn.length];
        nernstSpecies = new int[nernstColumn.length];
        nernstVoltsPerLog = new double[nernstColumn.length];
        for (int k = 0; k < nernstColumn.length; k++) {
            int[] entry = ops.get(nernstColumn[k]);
            nernstMembrane[k] = entry[1];
            nernstSpecies[k] = entry[2];
            nernstVoltsPerLog[k] = Constants.thermalVoltageVolts(view.temperatureK()) / view.valence(entry[2]);
        }
        gateColumn = gates.stream().mapToInt(Integer::intValue).toArray();
        gateIndex = new int[gateColumn.length];
        for (int k = 0; k < gateColumn.length; k++) {
            gateIndex[k] = ops.get(gateColumn[k])[1];
        }
        pinnedColumn = replaceable.stream().mapToInt(Integer::intValue).toArray();
        pinnedOp = new int[pinnedColumn.length];
        pinnedA = new int[pinnedColumn.length];
        pinnedB = new int[pinnedColumn.length];
        for (int k = 0; k < pinnedColumn.length; k++) {
            int[] entry = ops.get(pinnedColumn[k]);
            pinnedOp[k] = entry[0];
            pinnedA[k] = entry[1];
            pinnedB[k] = entry[2];
        }
        plainColumn = plain.stream().mapToInt(Integer::intValue).toArray();
    }
}
