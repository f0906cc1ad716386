package org.ionflux.internal.output;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.mechanism.CurrentErrorBounds;
import org.ionflux.internal.mechanism.Fluxes;
import org.ionflux.internal.mechanism.StateView;
import org.ionflux.internal.mechanism.Term;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.StateLayout;

/**
 * The current of a channel group that pins its membrane to its reversal potential, computed from quantities that
 * do not cancel (docs/decisions.md "Currents of very large conductances").
 *
 * <p><b>The problem.</b> A channel's current is {@code x = G (V - E_X)}. With a very large conductance G the
 * membrane sits at {@code V = E_X} to within {@code x / G} (1e-11 mV for 8.8 uA/cm^2 at 1e9 mS/cm^2), far below
 * the solver's resolution of V and E_X (its tolerances, about {@code rtol |V|}, 1e-4 mV at rtol 1e-6). The product
 * of G with the difference of two nearly equal numbers is then noise: {@code G * delta u} can reach 1e5 uA/cm^2.
 *
 * <p><b>The physics.</b> On the time scale the solver resolves, such a group is in quasi-steady state: it relaxes
 * {@code u = V - E_X} in {@code 1 / beta G} (1e-12 s at 1e9 mS/cm^2) and keeps it constant afterwards, so
 * {@code du/dt = dV/dt - dE_X/dt = 0}. Both rates are affine in the group's own current x, with coefficients made
 * of what the rest of the system does (no large number multiplies a small difference):
 * <pre>
 *   dV/dt   = (i_stim - I_others - x) / C                                      (dynamic membrane; 0 if clamped)
 *   dE_X/dt = (R T / z F) (dc_out/dt / c_out - dc_in/dt / c_in),   dc/dt = (dn/dt - c dVol/dt) / Vol,
 *   dn_in/dt = N_in - x A / (z F),   dn_out/dt = N_out + x A / (z F)          (only non-clamped sides)
 * </pre>
 * where {@code I_others} is the membrane's current without the group and {@code N} the rate of the side's
 * amount of X without the group. So {@code du/dt = alpha - beta x} with
 * {@code beta = 1/C + (R T / z^2 F^2) A (1/n_in + 1/n_out)} (terms of clamped parts left out), and the group's
 * current is {@code x = alpha / beta}. For a leak, {@code E_L} is constant and {@code x = i_stim - I_others}.
 *
 * <p><b>When it is used.</b> The direct value has the error bound
 * {@code e = |dx/dV| dV + |dx/dc_in| dc_in + |dx/dc_out| dc_out + sum |dx/dgate| dgate}, each {@code d} the solver's
 * tolerance on that variable ({@code atol + rtol |y|}; 0 for a clamped V or a clamped compartment). A group is
 * <i>pinned</i> at a row when {@code e} exceeds {@link #PINNED} (1e-3) of the other currents across its membrane
 * (every other channel, pump, transporter, leak and stimulus current, in magnitude): its direct value then has
 * fewer than three significant digits of what it balances. The quasi-steady value neglects
 * {@code du/dt = d(x/G)/dt}, which is not small when the group is not relaxed (at t = 0 from an initial V far from
 * E_X, or for a few 1/(beta G) after a jump), so it replaces the direct value of a pinned group only where the two
 * agree within {@code e}: a reported value never differs from the direct one by more than the direct one's own
 * uncertainty. Limitation: one pinned group per membrane (two would each see the other's noisy direct value).
 *
 * <p><b>Cost.</b> The bound takes every channel's partial derivatives, as much as the row's currents themselves,
 * so it is computed in three tiers, each never below the next: once per solver step, a bound over a box that holds
 * all the step's rows ({@link #rowsWithin}, {@link Term#addCurrentErrorBoundsWithin}); where that one exceeds
 * {@link #PINNED} of what flows across the membrane at a row, the channel terms' own bound at the row
 * ({@link Term#addCurrentErrorBounds}; for GHK channels without the slopes of the voltage factors); where that one
 * does too, the exact bound. The groups found pinned, and the values reported, are the same as with the exact bound
 * at every row.
 */
final class PinnedCurrents {

    /**
     * A group counts as pinned when the error bound of its direct current exceeds this fraction of the other
     * currents across its membrane (the direct value then carries less than three significant digits of them).
     */
    static final double PINNED = 1e-3;

    private final IonFluxSystem system;
    private final int membranes;
    private final int species;
    private final int compartments;
    /** The channel terms (those naming a channel for some membrane and species). */
    private final Term[] channelTerms;
    /** Groups: membrane m and species s of a charged species with channels there. */
    private final boolean[] isGroup;
    private final boolean[] dynamic;
    private final boolean[] hasLeak;
    private final double[] capacitance;
    private final double[] area;
    private final int[] inside;
    private final int[] outside;
    private final boolean[] clampedCompartment;
    /** Membranes bordering each compartment, and whether the compartment is their inside. */
    private final int[][] borders;
    private final boolean[][] bordersInside;
    private final StateLayout layout;

    private final Fluxes channels;
    /**
     * The bounds over the current step's box, the channel terms' own bounds of a row, and the exact bounds of a
     * row, each computed only where the one before comes near {@link #PINNED}.
     */
    private final CurrentErrorBounds within;
    private final CurrentErrorBounds screen;
    private final CurrentErrorBounds exact;
    /** The box of the rows to come (a copy), whether it is set, and whether its bounds are computed. */
    private final double[] lowest;
    private final double[] highest;
    private boolean boxSet;
    private boolean withinReady;
    /** False once a channel term could not bound its currents over a box (then every row is bounded alone). */
    private boolean boxesWork = true;
    private long rowsBoundedAlone;
    /** Per membrane the bound of its leaks' current, {@code g_L dV}, A/m^2, and the conductances behind it. */
    private final double[] leakBound;
    private final double[] leakConductance;
    private Model conductancesOf;
    /** The system's evaluation, which {@link #update} reads and whose values the rows take where not replaced. */
    private final Fluxes all;
    /** Replaced values, valid where {@code replacedAt} (per group) or {@code leakReplacedAt} is the current row. */
    private final double[] current;
    private final double[] flux;
    private final double[] leak;
    private final long[] replacedAt;
    private final long[] leakReplacedAt;
    private long row;
    private long replaced;
    /** The last row where a value was replaced. */
    private long lastReplacedRow = -1;
    private double worstRatio;

    /** Prepares the groups of the system's model. */
    PinnedCurrents(IonFluxSystem system) {
        this.system = system;
        Model model = system.model();
        this.layout = system.layout();
        membranes = model.membranes().size();
        species = model.species().size();
        compartments = model.compartments().size();
        List<Term> found = new ArrayList<>();
        isGroup = new boolean[membranes * species];
        List<Term> traced = system.tracedTerms();
        for (int k = 0; k < traced.size(); k++) {
            Term t = traced.get(k);
            boolean channel = false;
            for (int m = 0; m < membranes; m++) {
                for (int s = 0; s < species; s++) {
                    if (!t.channelNames(m, s).isEmpty()) {
                        channel = true;
                        isGroup[m * species + s] |= model.species().get(s).charge() != 0;
                    }
                }
            }
            if (channel) {
                // update() takes the channels' own currents from the system's evaluation as it passes the last
                // channel term: that needs them first (Terms.of lists them first)
                if (found.size() != k) {
                    throw new IllegalStateException("channel term " + t.getClass().getSimpleName()
                            + " after a term without channels: Terms.of must list channel terms first");
                }
                found.add(t);
            }
        }
        channelTerms = found.toArray(new Term[0]);
        dynamic = new boolean[membranes];
        hasLeak = new boolean[membranes];
        capacitance = new double[membranes];
        area = new double[membranes];
        inside = new int[membranes];
        outside = new int[membranes];
        for (int m = 0; m < membranes; m++) {
            Membrane mem = model.membranes().get(m);
            dynamic[m] = layout.potentialIndex(m) >= 0;
            hasLeak[m] = mem.hasLeak();
            capacitance[m] = mem.capacitanceFPerM2();
            area[m] = mem.areaM2();
            inside[m] = mem.insideIndex();
            outside[m] = mem.outsideIndex();
        }
        clampedCompartment = new boolean[compartments];
        borders = new int[compartments][];
        bordersInside = new boolean[compartments][];
        for (int c = 0; c < compartments; c++) {
            clampedCompartment[c] = model.compartments().get(c).clamped();
            List<Integer> list = new ArrayList<>();
            for (int m = 0; m < membranes; m++) {
                if (inside[m] == c || outside[m] == c) {
                    list.add(m);
                }
            }
            borders[c] = list.stream().mapToInt(Integer::intValue).toArray();
            bordersInside[c] = new boolean[borders[c].length];
            for (int k = 0; k < borders[c].length; k++) {
                bordersInside[c][k] = inside[borders[c][k]] == c;
            }
        }
        int[] amountIndex = new int[compartments * species];
        for (int c = 0; c < compartments; c++) {
            for (int s = 0; s < species; s++) {
                amountIndex[c * species + s] = layout.amountIndex(c, s);
            }
        }
        int[] potentialIndex = new int[membranes];
        for (int m = 0; m < membranes; m++) {
            potentialIndex[m] = layout.potentialIndex(m);
        }
        int[] volumeIndex = new int[compartments];
        for (int c = 0; c < compartments; c++) {
            volumeIndex[c] = layout.volumeIndex(c);
        }
        double[] absTol = layout.absoluteTolerances(model);
        double[] relTol = layout.relativeTolerances(model);
        within = new CurrentErrorBounds(species, membranes, amountIndex, potentialIndex, volumeIndex, absTol, relTol);
        screen = new CurrentErrorBounds(species, membranes, amountIndex, potentialIndex, volumeIndex, absTol, relTol);
        exact = new CurrentErrorBounds(species, membranes, amountIndex, potentialIndex, volumeIndex, absTol, relTol);
        lowest = new double[layout.dimension()];
        highest = new double[layout.dimension()];
        leakBound = new double[membranes];
        leakConductance = new double[membranes];
        channels = new Fluxes(species, compartments, membranes);
        all = system.fluxes();
        current = new double[membranes * species];
        flux = new double[membranes * species];
        leak = new double[membranes];
        replacedAt = new long[membranes * species];
        leakReplacedAt = new long[membranes];
    }

    /** @return true if the model has a group that could be pinned (a channel or a leak on a dynamic membrane) */
    boolean isEmpty() {
        if (channelTerms.length > 0) {
            return false;
        }
        for (int m = 0; m < membranes; m++) {
            if (hasLeak[m] && dynamic[m]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes the box that holds the states of the rows to come ({@link org.ionflux.internal.solver.StateSink#rowsWithin});
     * its bounds are computed at the first row that needs them.
     */
    void rowsWithin(double[] lowestState, double[] highestState) {
        boxSet = lowestState != null && boxesWork;
        withinReady = false;
        if (boxSet) {
            System.arraycopy(lowestState, 0, lowest, 0, lowest.length);
            System.arraycopy(highestState, 0, highest, 0, highest.length);
        }
    }

    /** @return rows whose channel currents were bounded at the row itself, not over their step's box (for tests) */
    long rowsBoundedAlone() {
        return rowsBoundedAlone;
    }

    /** @return rows where a group's current came from the quasi-steady balance (for tests) */
    long replacedValues() {
        return replaced;
    }

    /**
     * @return the largest ratio seen so far of a group's direct-current error bound to the other currents across
     *     its membrane (a group is pinned above {@link #PINNED}); below the threshold the bound is the one over the
     *     step's rows or the channel term's own, which may exceed the exact one, so this is an upper bound of the
     *     largest exact ratio
     */
    double largestUncertainty() {
        return worstRatio;
    }

    /**
     * Computes the species currents, fluxes and leak currents of state y, with pinned groups replaced. The system's
     * trace observables ({@link IonFluxSystem#updateTraceObservables}) are enough to find the pinned groups; the
     * volume rates that the quasi-steady balance also reads are computed only when a group is over the threshold
     * (then {@link IonFluxSystem#updateObservables}, whose currents and fluxes have the same bits).
     *
     * @param y solver state
     */
    void update(double[] y) {
        system.updateTraceObservables(y, channelTerms.length, channels);
        row++;
        boolean volumeRates = false;
        boolean screenReady = false;
        boolean exactReady = false;
        StateView view = system.view();
        if (boxSet && !withinReady) {
            within.clearWithin(view, lowest, highest);
            for (Term t : channelTerms) {
                if (!t.addCurrentErrorBoundsWithin(view, within)) {
                    boxesWork = false;
                    boxSet = false;
                    break;
                }
            }
            withinReady = boxSet;
        }
        leakBounds(system.modelInForce(), view);
        double thermal = view.thermalVoltageVolts();
        double faraday = Constants.FARADAY_C_PER_MOL;
        for (int m = 0; m < membranes; m++) {
            double others = all.membraneCurrent(m);
            double stimulus = all.stimulusCurrent(m);
            // the scale of what flows across m: each species' channel current and the rest of its current (pumps,
            // transporters) apart, the leak and the stimulus, in magnitude (a pump and the leak it balances count
            // twice, not zero)
            double scale = Math.abs(stimulus) + Math.abs(all.leakCurrent(m));
            for (int s = 0; s < species; s++) {
                double channel = channels.speciesCurrent(m, s);
                scale += Math.abs(channel) + Math.abs(all.speciesCurrent(m, s) - channel);
            }
            for (int s = 0; s < species; s++) {
                int g = m * species + s;
                if (!isGroup[g]) {
                    continue;
                }
                double direct = channels.speciesCurrent(m, s);
                double rest = scale - Math.abs(direct);
                double bound = withinReady ? within.of(m, s) : Double.NaN;
                if (!(bound <= PINNED * rest)) {
                    // the step's box does not settle it: the channel terms' own bound at this row
                    if (!screenReady) {
                        screen.clear(view);
                        for (Term t : channelTerms) {
                            t.addCurrentErrorBounds(view, channels, screen);
                        }
                        screenReady = true;
                        rowsBoundedAlone++;
                    }
                    bound = screen.of(m, s);
                }
                if (bound > PINNED * rest) {
                    // near the threshold: the exact bound decides
                    if (!exactReady) {
                        exact.clear(view);
                        for (Term t : channelTerms) {
                            t.addPartials(view, channels, exact.exactFromPartials());
                        }
                        exactReady = true;
                    }
                    bound = exact.of(m, s);
                }
                // the largest ratio so far (of the bound used), dividing only when it may have grown
                if (bound > worstRatio * rest) {
                    worstRatio = Math.max(worstRatio, bound / rest);
                }
                if (!(bound > PINNED * rest)) {
                    continue;
                }
                if (!volumeRates) {
                    system.updateObservables(y);
                    volumeRates = true;
                }
                double quasiSteady = quasiSteadyCurrent(view, m, s, direct, others, stimulus, thermal, faraday);
                if (Double.isFinite(quasiSteady) && Math.abs(quasiSteady - direct) <= bound) {
                    double z = view.valence(s);
                    current[g] = all.speciesCurrent(m, s) + (quasiSteady - direct);
                    flux[g] = all.speciesFlux(m, s) + (quasiSteady - direct) * area[m] / (z * faraday);
                    replacedAt[g] = row;
                    lastReplacedRow = row;
                    replaced++;
                }
            }
            if (hasLeak[m] && dynamic[m]) {
                double direct = all.leakCurrent(m);
                double rest = scale - Math.abs(direct);
                double quasiSteady = stimulus - (others - direct);
                if (leakBound[m] > PINNED * rest && Math.abs(quasiSteady - direct) <= leakBound[m]) {
                    leak[m] = quasiSteady;
                    leakReplacedAt[m] = row;
                    lastReplacedRow = row;
                    replaced++;
                }
            }
        }
    }

    /** Sets the leaks' bounds, {@code g_L dV} (a leak's current depends on V alone). */
    private void leakBounds(Model inForce, StateView view) {
        if (inForce != conductancesOf) {
            // the leak conductances change only with the model in force (events)
            for (int m = 0; m < membranes; m++) {
                double conductance = 0;
                for (Channel ch : inForce.membranes().get(m).channels()) {
                    if (ch instanceof Channel.Leak l) {
                        conductance += l.conductanceSPerM2();
                    }
                }
                leakConductance[m] = conductance;
            }
            conductancesOf = inForce;
        }
        for (int m = 0; m < membranes; m++) {
            if (hasLeak[m] && dynamic[m]) {
                leakBound[m] = leakConductance[m] * screen.potentialTolerance(view, m);
            }
        }
    }

    /**
     * @return the current of the channel group of species s on membrane m that keeps {@code V - E_X} constant,
     *     {@code alpha / beta} (class comment), A/m^2; NaN where E_X is not finite
     */
    private double quasiSteadyCurrent(StateView view, int m, int s, double direct, double others, double stimulus,
                                      double thermal, double faraday) {
        double z = view.valence(s);
        double groupFlux = channels.speciesFlux(m, s);
        double alpha = 0;
        double beta = 0;
        if (dynamic[m]) {
            alpha += (stimulus - (others - direct)) / capacitance[m];
            beta += 1 / capacitance[m];
        }
        double perCurrent = thermal * area[m] / (z * z * faraday);
        for (int side = 0; side < 2; side++) {
            int c = side == 0 ? inside[m] : outside[m];
            if (clampedCompartment[c]) {
                continue;
            }
            double conc = view.concentration(c, s);
            double volume = view.volumeM3(c);
            double amount = conc * volume;
            if (!(amount > 0)) {
                return Double.NaN;
            }
            // the relative rate of c_X from everything but this group: (dn/dt - c dVol/dt) / n
            double rate = amountRate(c, s) + (side == 0 ? groupFlux : -groupFlux);
            double relative = (rate - conc * all.volumeRate(c)) / amount;
            // dE_X/dt = (R T / z F) (relative_out - relative_in)
            alpha -= (thermal / z) * (side == 0 ? -relative : relative);
            beta += perCurrent / amount;
        }
        return beta > 0 ? alpha / beta : Double.NaN;
    }

    /** @return the net rate at which species s enters compartment c through every membrane, mol/s */
    private double amountRate(int c, int s) {
        double rate = 0;
        for (int k = 0; k < borders[c].length; k++) {
            double j = all.speciesFlux(borders[c][k], s);
            rate += bordersInside[c][k] ? -j : j;
        }
        return rate;
    }

    /** @return true if the last {@link #update} replaced a value (the others are the system's own) */
    boolean replacedInRow() {
        return lastReplacedRow == row;
    }

    /** @return outward current density of species s through membrane m, A/m^2 */
    double speciesCurrent(int m, int s) {
        int g = m * species + s;
        return replacedAt[g] == row ? current[g] : all.speciesCurrent(m, s);
    }

    /** @return outward molar flux of species s through membrane m, mol/s */
    double speciesFlux(int m, int s) {
        int g = m * species + s;
        return replacedAt[g] == row ? flux[g] : all.speciesFlux(m, s);
    }

    /** @return outward current density of the leaks of membrane m, A/m^2 */
    double leakCurrent(int m) {
        return leakReplacedAt[m] == row ? leak[m] : all.leakCurrent(m);
    }
}
