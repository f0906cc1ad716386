package org.ionflux.internal.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ionflux.internal.mechanism.CapacitanceTerm;
import org.ionflux.internal.mechanism.Fluxes;
import org.ionflux.internal.mechanism.Partials;
import org.ionflux.internal.mechanism.StateView;
import org.ionflux.internal.mechanism.StatefulTerm;
import org.ionflux.internal.mechanism.Term;
import org.ionflux.internal.mechanism.Terms;
import org.ionflux.internal.mechanism.WaterTerm;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Event;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.model.Stimulus;
import org.ionflux.internal.physics.Nernst;

/**
 * The right-hand side of the ion-flux ODE (docs/physics.md sections 3 to 9): the state mapping and the chain rule around
 * the model's {@link Terms}. Each evaluation turns the state into concentrations, volumes and potentials
 * ({@link StateView}), lets every term add its fluxes and currents ({@link Fluxes}), and maps them back onto the
 * state: amounts change by {@code -J} inside and {@code +J} outside (or into a clamped compartment's transfer
 * accumulator), dynamic potentials by the capacitor's rate, volumes by the water flux, the external-charge
 * accumulators by the leak and stimulus currents. The Jacobian is the terms' partial derivatives chained through
 * {@code c = n / Vol} and the capacitor. This class names no mechanism. Not thread-safe: one instance per run.
 */
public final class IonFluxSystem {

    private final Model model;
    private final Terms terms;
    private final Term[] mechanisms;
    /** The mechanisms the model has (empty terms add nothing): the ones evaluated per right-hand side and row. */
    private final Term[] present;
    /**
     * The present mechanisms that add to a trace column (a current or a flux of a membrane): all but water flux,
     * which only moves volume (its rate is in no column).
     */
    private final Term[] traced;
    private final StatefulTerm[] stateful;
    private final CapacitanceTerm capacitance;
    private final StateLayout layout;
    private final StateView view;
    private final Fluxes fluxes;
    private final ChainRule chainRule = new ChainRule();
    private final int speciesCount;
    private final int compartmentCount;
    private final int membraneCount;

    private final double[] initialVolume;
    private final double[] initialPerVolume;
    private final double[] clampedConcentration;
    /**
     * The concentrations that are state (amount over volume), as positions {@code c * species + s}, and their
     * compartments; the others (clamped, or a species that stays at zero) change only at a segment start, so an
     * evaluation copies them only when {@link #constantsStale} (set by {@link #startSegment}).
     */
    private final int[] stateConcentration;
    private final int[] stateConcentrationCompartment;
    private boolean constantsStale = true;
    private final int[] amountIndex;
    private final int[] volumeIndex;
    private final int[] externalChargeIndex;
    private final int[] potentialIndex;
    private final int[] transferIndex;
    private final int[] insideOf;
    private final int[] outsideOf;
    private final double[] area;
    private final boolean[] moved;
    /** Moved species per membrane: {@code movedSpecies[movedOffset[m] .. movedOffset[m + 1])}. */
    private final int[] movedOffset;
    private final int[] movedSpecies;

    private Model inForce;
    private final double jumpToleranceS;
    /** The state of the last {@link #computeDerivatives} call (NaN-marked once other observables replace it). */
    private final double[] observedState;
    private long evaluations;

    /** Compiles {@code model}; parameters start at their t = 0 values. */
    public IonFluxSystem(Model model) {
        this.model = model;
        this.terms = Terms.of(model);
        this.mechanisms = terms.mechanisms().toArray(new Term[0]);
        List<Term> nonEmpty = new ArrayList<>();
        List<Term> nonWater = new ArrayList<>();
        for (Term t : mechanisms) {
            if (!t.isEmpty()) {
                nonEmpty.add(t);
                if (!(t instanceof WaterTerm)) {
                    nonWater.add(t);
                }
            }
        }
        this.present = nonEmpty.toArray(new Term[0]);
        this.traced = nonWater.toArray(new Term[0]);
        this.stateful = terms.stateful().toArray(new StatefulTerm[0]);
        this.capacitance = terms.capacitance();
        this.layout = new StateLayout(model, terms.stateful());
        this.view = new StateView(model);
        speciesCount = model.species().size();
        compartmentCount = model.compartments().size();
        membraneCount = model.membranes().size();
        fluxes = new Fluxes(speciesCount, compartmentCount, membraneCount);

        initialVolume = new double[compartmentCount];
        initialPerVolume = new double[compartmentCount];
        clampedConcentration = new double[compartmentCount * speciesCount];
        amountIndex = new int[compartmentCount * speciesCount];
        volumeIndex = new int[compartmentCount];
        externalChargeIndex = new int[compartmentCount];
        for (int c = 0; c < compartmentCount; c++) {
            Compartment comp = model.compartments().get(c);
            initialVolume[c] = comp.volumeM3();
            initialPerVolume[c] = 1.0 / initialVolume[c];
            volumeIndex[c] = layout.volumeIndex(c);
            externalChargeIndex[c] = layout.externalChargeIndex(c);
            for (int s = 0; s < speciesCount; s++) {
                amountIndex[c * speciesCount + s] = layout.amountIndex(c, s);
            }
        }
        int stateful = 0;
        for (int i = 0; i < amountIndex.length; i++) {
            stateful += amountIndex[i] >= 0 ? 1 : 0;
        }
        stateConcentration = new int[stateful];
        stateConcentrationCompartment = new int[stateful];
        for (int i = 0, k = 0; i < amountIndex.length; i++) {
            if (amountIndex[i] >= 0) {
                stateConcentration[k] = i;
                stateConcentrationCompartment[k++] = i / speciesCount;
            }
        }
        insideOf = new int[membraneCount];
        outsideOf = new int[membraneCount];
        area = new double[membraneCount];
        potentialIndex = new int[membraneCount];
        moved = new boolean[membraneCount * speciesCount];
        movedOffset = new int[membraneCount + 1];
        List<Integer> movedList = new ArrayList<>();
        for (int m = 0; m < membraneCount; m++) {
            Membrane mem = model.membranes().get(m);
            insideOf[m] = mem.insideIndex();
            outsideOf[m] = mem.outsideIndex();
            area[m] = mem.areaM2();
            potentialIndex[m] = layout.potentialIndex(m);
            for (int s = 0; s < speciesCount; s++) {
                moved[m * speciesCount + s] = mem.moves(s);
                if (moved[m * speciesCount + s]) {
                    movedList.add(s);
                }
            }
            movedOffset[m + 1] = movedList.size();
        }
        movedSpecies = new int[movedList.size()];
        for (int i = 0; i < movedSpecies.length; i++) {
            movedSpecies[i] = movedList.get(i);
        }
        transferIndex = new int[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            transferIndex[s] = layout.transferIndex(s);
        }
        observedState = new double[Math.max(1, layout.dimension())];
        Arrays.fill(observedState, Double.NaN);
        jumpToleranceS = jumpTolerance(model);
        // a copy without events (the model itself when it has none)
        inForce = model.events().isEmpty() ? model : model.withEvents(List.of());
        startSegment(0.0);
    }

    /**
     * @return the state at t = 0, with the parameters of t = 0 in force (after events at 0): the stateful terms'
     *     variables (gates) at their initial values at the initial potentials, which for a clamped membrane is the
     *     clamp value in force at 0
     */
    public double[] initialState() {
        double[] y = layout.initialState(model);
        updateStateObservables(y);
        for (StatefulTerm t : stateful) {
            t.initialState(view, y);
        }
        Arrays.fill(observedState, Double.NaN);
        return y;
    }

    /** @return the model this system was compiled from */
    public Model model() {
        return model;
    }

    /** @return the model with the events up to the current segment applied */
    public Model modelInForce() {
        return inForce;
    }

    /** @return the terms this system evaluates */
    public Terms terms() {
        return terms;
    }

    /** @return the state layout */
    public StateLayout layout() {
        return layout;
    }

    /** @return the values the terms read at the last evaluation */
    public StateView view() {
        return view;
    }

    /** @return the terms' results at the last evaluation */
    public Fluxes fluxes() {
        return fluxes;
    }

    /** @return the dimension of the state vector */
    public int dimension() {
        return layout.dimension();
    }

    /**
     * Sets the piecewise-constant parameters in force from {@code timeS} on, the values just after any jump at
     * that time (docs/physics.md section 9): events at that time apply to the model in force, in order; then every term
     * loads its parameters (clamp values, stimuli on at that time, conductances, ...). Called at t = 0 and at every
     * restart time, in increasing order.
     */
    public void startSegment(double timeS) {
        Arrays.fill(observedState, Double.NaN);
        constantsStale = true;
        for (Event event : model.events()) {
            if (Math.abs(event.atS() - timeS) <= jumpToleranceS) {
                inForce = event.applyTo(inForce, jumpToleranceS);
            }
        }
        for (int c = 0; c < compartmentCount; c++) {
            Compartment comp = inForce.compartments().get(c);
            for (int s = 0; s < speciesCount; s++) {
                clampedConcentration[c * speciesCount + s] = comp.concentrationMolPerM3(s);
            }
        }
        for (Term t : mechanisms) {
            t.startSegment(inForce, timeS, jumpToleranceS);
        }
        capacitance.startSegment(inForce, timeS, jumpToleranceS);
    }

    /**
     * Jump times closer than this are one jump, s: a pulse that ends where the next begins
     * ({@code 0.001 + 0.0002 != 0.0012} in doubles) must not leave a zero-length segment between them.
     */
    static double jumpTolerance(Model model) {
        return 1e-12 * model.settings().durationS();
    }

    /**
     * Evaluates {@code dy/dt = f(t, y)} and leaves the observables of state y in this object.
     *
     * @param timeS time, s
     * @param y     state (mol, m^3, V, gates, accumulators)
     * @param yDot  output: derivatives
     */
    public void computeDerivatives(double timeS, double[] y, double[] yDot) {
        evaluations++;
        updateObservables(y);
        System.arraycopy(y, 0, observedState, 0, y.length);
        mapFluxes(yDot);
        for (StatefulTerm t : stateful) {
            t.addStateRates(view, yDot);
        }
    }

    /**
     * The state mapping: writes into {@code yDot} (all of it) what the terms' {@link #fluxes} do to the state:
     * amounts change by {@code -J} inside and {@code +J} outside (or in the transfer accumulator of a clamped
     * side), dynamic potentials by the capacitor's rate, volumes by the water flux, the external-charge
     * accumulators by the leak and stimulus currents. The stateful terms' own rates are not included.
     */
    private void mapFluxes(double[] yDot) {
        Arrays.fill(yDot, 0.0);
        for (int m = 0; m < membraneCount; m++) {
            int in = insideOf[m] * speciesCount;
            int out = outsideOf[m] * speciesCount;
            for (int k = movedOffset[m]; k < movedOffset[m + 1]; k++) {
                int s = movedSpecies[k];
                double flux = fluxes.speciesFlux(m, s);
                int iIn = amountIndex[in + s];
                int iOut = amountIndex[out + s];
                if (iIn >= 0) {
                    yDot[iIn] -= flux;
                } else {
                    yDot[transferIndex[s]] -= flux;
                }
                if (iOut >= 0) {
                    yDot[iOut] += flux;
                } else {
                    yDot[transferIndex[s]] += flux;
                }
            }
            if (potentialIndex[m] >= 0) {
                yDot[potentialIndex[m]] = fluxes.potentialRate(m);
            }
            // charge brought in from outside the tracked species (docs/physics.md section 9)
            double external = area[m] * (fluxes.leakCurrent(m) - fluxes.stimulusCurrent(m));
            if (externalChargeIndex[insideOf[m]] >= 0) {
                yDot[externalChargeIndex[insideOf[m]]] += external;
            }
            if (externalChargeIndex[outsideOf[m]] >= 0) {
                yDot[externalChargeIndex[outsideOf[m]]] -= external;
            }
        }
        for (int c = 0; c < compartmentCount; c++) {
            if (volumeIndex[c] >= 0) {
                yDot[volumeIndex[c]] = fluxes.volumeRate(c);
            }
        }
    }

    /**
     * The stoichiometry of the model: for every rate of every term (a channel's flux, a pump's current, a
     * transporter's cycle, a membrane's water flow; see {@link Term#addUnitRate}) and every variable of a stateful
     * term, the column of state rates of change it makes at unit rate, sparse. {@code dy/dt = N r}: the left null
     * space of N holds the conserved quantities.
     *
     * @return one column per rate: {@code [0]} the state indices, {@code [1]} the values (as doubles)
     */
    public List<double[][]> stoichiometry() {
        List<double[][]> columns = new ArrayList<>();
        double[] y = initialState();
        updateStateObservables(y);
        // one rate touches one membrane (and its two compartments): map only what it touched, so that the whole
        // matrix costs time linear in the model's size
        double[] column = new double[dimension()];
        boolean[] written = new boolean[dimension()];
        int[] rows = new int[dimension()];
        fluxes.recordTouched();
        try {
            for (Term t : mechanisms) {
                for (int k = 0; k < t.rateCount(); k++) {
                    t.addUnitRate(k, view, fluxes);
                    int count = 0;
                    for (int m : fluxes.touchedMembranes()) {
                        capacitance.addRate(m, fluxes);
                        count = mapMembrane(m, column, written, rows, count);
                    }
                    for (int c : fluxes.touchedCompartments()) {
                        if (volumeIndex[c] >= 0) {
                            count = add(volumeIndex[c], fluxes.volumeRate(c), column, written, rows, count);
                        }
                    }
                    Arrays.sort(rows, 0, count);
                    int nonzero = 0;
                    for (int j = 0; j < count; j++) {
                        if (column[rows[j]] != 0) {
                            nonzero++;
                        }
                    }
                    double[][] sparse = new double[2][nonzero];
                    int next = 0;
                    for (int j = 0; j < count; j++) {
                        int i = rows[j];
                        if (column[i] != 0) {
                            sparse[0][next] = i;
                            sparse[1][next] = column[i];
                            next++;
                        }
                        column[i] = 0;
                        written[i] = false;
                    }
                    columns.add(sparse);
                    fluxes.clearTouched();
                }
            }
        } finally {
            fluxes.stopRecording();
        }
        for (int t = 0; t < stateful.length; t++) {
            for (int local = 0; local < stateful[t].stateCount(); local++) {
                columns.add(new double[][] {{layout.statefulOffset(t) + local}, {1.0}});
            }
        }
        Arrays.fill(observedState, Double.NaN);
        return columns;
    }

    /** {@link #mapFluxes} for membrane m alone, into a column that records the rows it writes. */
    private int mapMembrane(int m, double[] column, boolean[] written, int[] rows, int count) {
        int in = insideOf[m] * speciesCount;
        int out = outsideOf[m] * speciesCount;
        for (int k = movedOffset[m]; k < movedOffset[m + 1]; k++) {
            int s = movedSpecies[k];
            double flux = fluxes.speciesFlux(m, s);
            int iIn = amountIndex[in + s];
            int iOut = amountIndex[out + s];
            count = add(iIn >= 0 ? iIn : transferIndex[s], -flux, column, written, rows, count);
            count = add(iOut >= 0 ? iOut : transferIndex[s], flux, column, written, rows, count);
        }
        if (potentialIndex[m] >= 0) {
            count = add(potentialIndex[m], fluxes.potentialRate(m), column, written, rows, count);
        }
        double external = area[m] * (fluxes.leakCurrent(m) - fluxes.stimulusCurrent(m));
        if (externalChargeIndex[insideOf[m]] >= 0) {
            count = add(externalChargeIndex[insideOf[m]], external, column, written, rows, count);
        }
        if (externalChargeIndex[outsideOf[m]] >= 0) {
            count = add(externalChargeIndex[outsideOf[m]], -external, column, written, rows, count);
        }
        return count;
    }

    private static int add(int row, double value, double[] column, boolean[] written, int[] rows, int count) {
        column[row] += value;
        if (!written[row]) {
            written[row] = true;
            rows[count++] = row;
        }
        return count;
    }

    /** Computes volumes, concentrations and potentials of state y, not the currents and fluxes. */
    public void updateStateObservables(double[] y) {
        // the observables no longer belong to the last right-hand-side evaluation
        observedState[0] = Double.NaN;
        view.setState(y);
        double[] volume = view.volumes();
        double[] perVolume = view.perVolumes();
        double[] concentration = view.concentrations();
        double[] potential = view.potentials();
        if (constantsStale) {
            for (int c = 0; c < compartmentCount; c++) {
                volume[c] = initialVolume[c];
                perVolume[c] = initialPerVolume[c];
                for (int s = 0; s < speciesCount; s++) {
                    int i = c * speciesCount + s;
                    if (amountIndex[i] < 0) {
                        concentration[i] = clampedConcentration[i];
                    }
                }
            }
            constantsStale = false;
        }
        for (int c = 0; c < compartmentCount; c++) {
            // one division per compartment whose volume changes, not per species (c = n / Vol to within an ulp)
            if (volumeIndex[c] >= 0) {
                volume[c] = y[volumeIndex[c]];
                perVolume[c] = 1.0 / volume[c];
            }
        }
        for (int k = 0; k < stateConcentration.length; k++) {
            int i = stateConcentration[k];
            concentration[i] = y[amountIndex[i]] * perVolume[stateConcentrationCompartment[k]];
        }
        for (int m = 0; m < membraneCount; m++) {
            potential[m] = potentialIndex[m] >= 0 ? y[potentialIndex[m]] : capacitance.clampVolts(m);
        }
    }

    /** Computes volumes, concentrations, potentials, currents and fluxes of state y, without the derivatives. */
    public void updateObservables(double[] y) {
        updateStateObservables(y);
        fluxes.clear();
        for (Term t : present) {
            t.addRates(view, fluxes);
        }
        capacitance.addRates(view, fluxes);
    }

    /**
     * Computes what a trace row reads at state y: volumes, concentrations, potentials, and the currents and fluxes
     * of every membrane (species, leak, pump, stimulus), as {@link #updateObservables} does, but neither volume
     * rates (water flux) nor potential rates, which no column shows. The values it computes have the same bits as
     * {@link #updateObservables}'s; the others are left cleared.
     */
    public void updateTraceObservables(double[] y) {
        updateStateObservables(y);
        fluxes.clear();
        for (Term t : traced) {
            t.addRates(view, fluxes);
        }
    }

    /**
     * {@link #updateTraceObservables(double[])}, also copying into {@code leadingOut} the species fluxes and currents
     * of the first {@code leadingTerms} of {@link #tracedTerms()} alone: the same bits as evaluating those terms into
     * a cleared {@link Fluxes}, without evaluating them twice.
     *
     * @param y            solver state
     * @param leadingTerms how many of the traced terms, from the first
     * @param leadingOut   receives their species fluxes and currents
     */
    public void updateTraceObservables(double[] y, int leadingTerms, Fluxes leadingOut) {
        updateStateObservables(y);
        fluxes.clear();
        for (int i = 0; i < traced.length; i++) {
            if (i == leadingTerms) {
                leadingOut.copySpeciesOf(fluxes);
            }
            traced[i].addRates(view, fluxes);
        }
        if (leadingTerms >= traced.length) {
            leadingOut.copySpeciesOf(fluxes);
        }
    }

    /** @return the terms a trace row evaluates ({@link #updateTraceObservables}), in their order */
    public List<Term> tracedTerms() {
        return List.of(traced);
    }

    /**
     * Computes the Jacobian {@code dF/dy} at state y, entry by entry into {@code sink} (which starts at zero), from
     * each term's own partial derivatives composed by the chain rule through {@code c = n / Vol}. The system is
     * autonomous within a segment: {@code dF/dt = 0}.
     */
    public void computeJacobian(double[] y, JacobianSink sink) {
        // a Rosenbrock step evaluates f and then J at the same state: reuse the observables of that evaluation
        if (!Arrays.equals(y, observedState)) {
            updateObservables(y);
        }
        chainRule.sink = sink;
        for (Term t : present) {
            t.addPartials(view, fluxes, chainRule);
        }
        capacitance.addPartials(view, fluxes, chainRule);
        chainRule.sink = null;
    }

    /** Chains the terms' partials (in concentrations, potentials, their own state) to the solver's state. */
    private final class ChainRule implements Partials {
        private JacobianSink sink;

        @Override
        public void fluxByConcentration(int m, int s, double dJdc, double dIdc, int c, int sc) {
            int n = amountIndex[c * speciesCount + sc];
            double volume = view.volumeM3(c);
            if (n >= 0) {
                fluxByState(m, s, dJdc / volume, dIdc / volume, n);
            }
            if (volumeIndex[c] >= 0) {
                double dcdVol = -view.concentration(c, sc) / volume;
                fluxByState(m, s, dJdc * dcdVol, dIdc * dcdVol, volumeIndex[c]);
            }
        }

        @Override
        public void fluxByPotential(int m, int s, double dJdV, double dIdV) {
            fluxByState(m, s, dJdV, dIdV, potentialIndex[m]);
        }

        @Override
        public void fluxByState(int m, int s, double dJ, double dI, int col) {
            if (col < 0) {
                return;
            }
            if (dJ != 0) {
                int in = amountIndex[insideOf[m] * speciesCount + s];
                int out = amountIndex[outsideOf[m] * speciesCount + s];
                sink.add(in >= 0 ? in : transferIndex[s], col, -dJ);
                sink.add(out >= 0 ? out : transferIndex[s], col, dJ);
            }
            currentByState(m, dI, col);
        }

        /** dV/dt of a dynamic membrane follows its outward current through the capacitor. */
        private void currentByState(int m, double dI, int col) {
            if (col >= 0 && dI != 0 && potentialIndex[m] >= 0) {
                sink.add(potentialIndex[m], col, capacitance.potentialRatePartial(m, dI));
            }
        }

        @Override
        public void leakCurrentByPotential(int m, double dIdV) {
            int col = potentialIndex[m];
            currentByState(m, dIdV, col);
            if (col < 0) {
                return;
            }
            // the external-charge accumulators follow A I_leak
            addIfRow(externalChargeIndex[insideOf[m]], col, area[m] * dIdV);
            addIfRow(externalChargeIndex[outsideOf[m]], col, -area[m] * dIdV);
        }

        @Override
        public void stateByState(int row, int col, double value) {
            sink.add(row, col, value);
        }

        @Override
        public void stateByPotential(int row, int m, double value) {
            addIfRow(row, potentialIndex[m], value);
        }

        @Override
        public void volumeByConcentration(int ofCompartment, double value, int c, int s) {
            int row = volumeIndex[ofCompartment];
            if (row < 0) {
                return;
            }
            double volume = view.volumeM3(c);
            int n = amountIndex[c * speciesCount + s];
            if (n >= 0) {
                sink.add(row, n, value / volume);
            }
            if (volumeIndex[c] >= 0) {
                sink.add(row, volumeIndex[c], value * (-view.concentration(c, s) / volume));
            }
        }

        private void addIfRow(int row, int col, double value) {
            if (row >= 0 && col >= 0) {
                sink.add(row, col, value);
            }
        }
    }

    /** @return number of right-hand-side evaluations so far */
    public long evaluations() {
        return evaluations;
    }

    /** @return concentration of species s in compartment c at the last evaluated state, mol/m^3 */
    public double concentrationMolPerM3(int compartment, int species) {
        return view.concentration(compartment, species);
    }

    /** @return volume of compartment c at the last evaluated state, m^3 */
    public double volumeM3(int compartment) {
        return view.volumeM3(compartment);
    }

    /** @return potential of membrane m at the last evaluated state, V */
    public double potentialVolts(int membrane) {
        return view.potentialVolts(membrane);
    }

    /** @return Nernst potential of species s across membrane m at the last evaluated state, V */
    public double nernstPotentialVolts(int membrane, int species) {
        return Nernst.nernstPotentialVolts(view.valence(species), view.concentration(insideOf[membrane], species),
                view.concentration(outsideOf[membrane], species), view.temperatureK());
    }

    /**
     * @return {@code ln(c_out / c_in)} of species s across membrane m at the last evaluated state: the Nernst
     *     potential is {@code R T / (z F)} times it
     */
    public double nernstLogRatio(int membrane, int species) {
        return Math.log(view.concentration(outsideOf[membrane], species)
                / view.concentration(insideOf[membrane], species));
    }

    /** @return outward current density of species s through membrane m, all mechanisms, A/m^2 */
    public double speciesCurrentAPerM2(int membrane, int species) {
        return fluxes.speciesCurrent(membrane, species);
    }

    /** @return outward molar flux of species s through membrane m, all mechanisms, mol/s */
    public double speciesFluxMolPerS(int membrane, int species) {
        return fluxes.speciesFlux(membrane, species);
    }

    /** @return outward current density of the non-specific leaks of membrane m, A/m^2 */
    public double leakCurrentAPerM2(int membrane) {
        return fluxes.leakCurrent(membrane);
    }

    /** @return net outward current density of the pumps of membrane m, A/m^2 */
    public double pumpCurrentAPerM2(int membrane) {
        return fluxes.pumpCurrent(membrane);
    }

    /** @return total outward current density through membrane m (channels, leaks, pumps, transporters), A/m^2 */
    public double membraneCurrentAPerM2(int membrane) {
        return fluxes.membraneCurrent(membrane);
    }

    /** @return stimulus current density on membrane m at the last evaluation, A/m^2 (positive depolarizing) */
    public double stimulusCurrentAPerM2(int membrane) {
        return fluxes.stimulusCurrent(membrane);
    }

    /** @return true if some mechanism moves species s across membrane m */
    public boolean moves(int membrane, int species) {
        return moved[membrane * speciesCount + species];
    }

    /** @return the times in (0, duration) where a parameter jumps (clamp steps, stimulus edges, events), s */
    static List<Double> jumpTimes(Model model) {
        TreeSet<Double> times = new TreeSet<>();
        for (Membrane m : model.membranes()) {
            if (m.potential() instanceof PotentialProtocol.Clamp clamp) {
                for (double t : clamp.stepTimesS()) {
                    times.add(t);
                }
            }
        }
        for (Stimulus st : model.stimuli()) {
            times.add(st.startS());
            times.add(st.endS());
        }
        for (Event e : model.events()) {
            times.add(e.atS());
        }
        double duration = model.settings().durationS();
        double tol = jumpTolerance(model);
        List<Double> merged = new ArrayList<>();
        for (double t : times) {
            boolean inside = t > tol && t < duration - tol;
            if (inside && (merged.isEmpty() || t - merged.get(merged.size() - 1) > tol)) {
                merged.add(t);
            }
        }
        return merged;
    }
}
