package org.ionflux.internal.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
    private int[] op;
    private int[] argA;
    private int[] argB;
    /**
     * Per Nernst column {@code R T / (z F)} in V, so that a row takes one logarithm and no division for it (the
     * same operations in the same order as {@code Nernst.nernstPotentialVolts}: the same bits).
     */
    private double[] nernstVoltsPerLog;
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
        if (op == null) {
            op = new int[ops.size()];
            argA = new int[ops.size()];
            argB = new int[ops.size()];
            nernstVoltsPerLog = new double[ops.size()];
            for (int i = 0; i < op.length; i++) {
                op[i] = ops.get(i)[0];
                argA[i] = ops.get(i)[1];
                argB[i] = ops.get(i)[2];
                if (op[i] == OP_NERNST) {
                    nernstVoltsPerLog[i] = Constants.thermalVoltageVolts(system.view().temperatureK())
                            / system.view().valence(argB[i]);
                }
            }
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
        for (int i = 1; i < row.length; i++) {
            int a = argA[i];
            int b = argB[i];
            row[i] = switch (op[i]) {
                case OP_POTENTIAL -> system.potentialVolts(a) * MV_PER_V;
                case OP_CONCENTRATION -> system.concentrationMolPerM3(a, b);
                case OP_VOLUME -> system.volumeM3(a) * PL_PER_M3;
                case OP_NERNST -> nernstVoltsPerLog[i] * system.nernstLogRatio(a, b) * MV_PER_V;
                case OP_CURRENT -> (pinned != null ? pinned.speciesCurrent(a, b)
                        : system.speciesCurrentAPerM2(a, b)) * UA_CM2_PER_A_M2;
                case OP_LEAK -> (pinned != null ? pinned.leakCurrent(a) : system.leakCurrentAPerM2(a))
                        * UA_CM2_PER_A_M2;
                case OP_FLUX -> (pinned != null ? pinned.speciesFlux(a, b) : system.speciesFluxMolPerS(a, b))
                        * FMOL_PER_MOL;
                case OP_GATE -> y[a];
                case OP_PUMP -> system.pumpCurrentAPerM2(a) * UA_CM2_PER_A_M2;
                case OP_STIMULUS -> system.stimulusCurrentAPerM2(a) * UA_CM2_PER_A_M2;
                default -> Double.NaN;
            };
        }
    }
}
