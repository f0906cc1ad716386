package org.ionflux.internal.steady;

import java.util.List;
import org.ionflux.internal.mechanism.StatefulTerm;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.StateLayout;

/**
 * The equations whose steady state {@code steady} solves: the scenario's model with the parameters in force at time
 * {@code T} (docs/commands.md, {@code steady}): events at or before T applied, stimuli off, a clamped membrane at its
 * clamp value at T; started from the scenario's initial state. It knows what each state component is, its typical
 * size (the scale of the linear algebra) and its tolerance weight {@code atol_i + rtol |y_i|} (the residual's).
 *
 * <p>The state is the engine's ({@link StateLayout}): the physical variables (amounts, volumes, potentials, gates)
 * come first, {@link #physicalDimension()} of them, then the bookkeeping accumulators, which nothing depends on and
 * which the steady state leaves where they started.</p>
 */
final class SteadyProblem {

    /** What a state component is. */
    enum Kind {
        /** Amount of a species in a compartment, mol. */
        AMOUNT,
        /** Volume of a compartment, m^3. */
        VOLUME,
        /** Potential of a dynamic membrane, V. */
        POTENTIAL,
        /** A variable of a stateful term (gate), dimensionless. */
        GATE,
        /** Net amount of a species moved into clamped compartments, mol (bookkeeping). */
        TRANSFER,
        /** Charge brought into a compartment by leaks and stimuli, C (bookkeeping). */
        EXTERNAL_CHARGE
    }

    /** Amounts are scaled by at least this concentration times their compartment's volume, mol/m^3 (1 uM). */
    static final double AMOUNT_SCALE_FLOOR_MOL_PER_M3 = 1e-3;

    private final Model model;
    private final double atS;
    private final IonFluxSystem system;
    private final StateLayout layout;
    private final int dimension;
    private final int physical;
    private final double[] initial;
    private final double[] scale;
    private final double[] atol;
    private final double rtol;
    private final Kind[] kind;
    /** Compartment of an amount, volume or external charge; membrane of a potential; species of a transfer. */
    private final int[] owner;
    /** Species of an amount. */
    private final int[] species;
    private final String[] column;

    /**
     * @param scenario the scenario's model
     * @param atS      the time whose parameters are in force, s (0 .. duration)
     */
    SteadyProblem(Model scenario, double atS) {
        double tolerance = 1e-12 * scenario.settings().durationS();
        boolean eventInForce = false;
        for (var e : scenario.events()) {
            eventInForce |= e.atS() <= atS + tolerance;
        }
        if (!eventInForce && scenario.events().isEmpty() && scenario.stimuli().isEmpty()) {
            // nothing to apply or switch off: the scenario's model (a copy would be equal to it)
            this.model = scenario;
        } else {
            // with no event to apply, the model in force is the scenario's (Model.atTime would copy it once more)
            Model inForce = eventInForce ? scenario.atTime(atS, tolerance) : scenario;
            // stimuli off: a pulse is a transient, not a parameter of the steady state
            this.model = new Model(inForce.name(), inForce.description(), inForce.temperatureK(), inForce.species(),
                    inForce.compartments(), inForce.membranes(), List.of(), List.of(), inForce.settings());
        }
        this.atS = atS;
        this.system = new IonFluxSystem(model);
        system.startSegment(atS);
        this.layout = system.layout();
        this.dimension = layout.dimension();
        int p = 0;
        while (p < dimension && !layout.isBookkeeping(p)) {
            p++;
        }
        this.physical = p;
        this.initial = system.initialState();
        this.atol = layout.absoluteTolerances(model);
        this.rtol = model.settings().relativeTolerance();
        this.kind = new Kind[dimension];
        this.owner = new int[dimension];
        this.species = new int[dimension];
        this.column = new String[dimension];
        this.scale = new double[dimension];
        classify();
    }

    private void classify() {
        int speciesCount = model.species().size();
        double thermal = Constants.thermalVoltageVolts(model.temperatureK());
        double stateVolume = 0;
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            if (!comp.clamped()) {
                stateVolume += comp.volumeM3();
            }
        }
        double[] totalAmount = new double[speciesCount];
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            for (int s = 0; s < speciesCount; s++) {
                int i = layout.amountIndex(c, s);
                if (i >= 0) {
                    set(i, Kind.AMOUNT, c, s, null);
                    scale[i] = Math.max(Math.abs(initial[i]), AMOUNT_SCALE_FLOOR_MOL_PER_M3 * comp.volumeM3());
                    totalAmount[s] += Math.abs(initial[i]);
                }
            }
            int v = layout.volumeIndex(c);
            if (v >= 0) {
                set(v, Kind.VOLUME, c, -1, null);
                scale[v] = initial[v];
            }
            int q = layout.externalChargeIndex(c);
            if (q >= 0) {
                set(q, Kind.EXTERNAL_CHARGE, c, -1, null);
                scale[q] = Constants.FARADAY_C_PER_MOL * comp.volumeM3() * 1.0;
            }
        }
        for (int m = 0; m < model.membranes().size(); m++) {
            int i = layout.potentialIndex(m);
            if (i >= 0) {
                set(i, Kind.POTENTIAL, m, -1, null);
                scale[i] = Math.max(Math.abs(initial[i]), thermal);
            }
        }
        List<StatefulTerm> terms = layout.statefulTerms();
        for (int t = 0; t < terms.size(); t++) {
            for (int local = 0; local < terms.get(t).stateCount(); local++) {
                int i = layout.statefulOffset(t) + local;
                set(i, Kind.GATE, terms.get(t).stateMembrane(local), -1, terms.get(t).stateColumn(local));
                scale[i] = 1.0;
            }
        }
        for (int s = 0; s < speciesCount; s++) {
            int i = layout.transferIndex(s);
            if (i >= 0) {
                set(i, Kind.TRANSFER, s, s, null);
                scale[i] = Math.max(totalAmount[s], AMOUNT_SCALE_FLOOR_MOL_PER_M3 * stateVolume);
            }
        }
    }

    private void set(int i, Kind k, int own, int sp, String name) {
        kind[i] = k;
        owner[i] = own;
        species[i] = sp;
        column[i] = name;
    }

    /** @return the model in force at T, without events or stimuli */
    Model model() {
        return model;
    }

    /** @return the time whose parameters are in force, s */
    double atS() {
        return atS;
    }

    /** @return the compiled equations (parameters of time T) */
    IonFluxSystem system() {
        return system;
    }

    /** @return the state layout */
    StateLayout layout() {
        return layout;
    }

    /** @return the length of the state vector */
    int dimension() {
        return dimension;
    }

    /** @return the number of physical state variables (they come first) */
    int physicalDimension() {
        return physical;
    }

    /** @return a copy of the initial state */
    double[] initialState() {
        return initial.clone();
    }

    /** @return the typical size of component i, in its unit (never 0): the scale of the linear algebra */
    double scale(int i) {
        return scale[i];
    }

    /** @return what component i is */
    Kind kind(int i) {
        return kind[i];
    }

    /** @return the compartment (amount, volume, external charge), membrane (potential, gate) or species (transfer) */
    int owner(int i) {
        return owner[i];
    }

    /** @return the species of an amount or transfer, -1 otherwise */
    int species(int i) {
        return species[i];
    }

    /**
     * @return the trace column that shows component i (concentration for an amount), or null for bookkeeping; named
     *     when first asked for (only the time constants name them)
     */
    String column(int i) {
        if (column[i] == null) {
            switch (kind[i]) {
                case AMOUNT:
                    column[i] = model.compartments().get(owner[i]).name() + "." + model.species().get(species[i]).name()
                            + "_mM";
                    break;
                case VOLUME:
                    column[i] = model.compartments().get(owner[i]).name() + ".volume_pL";
                    break;
                case POTENTIAL:
                    column[i] = model.membranes().get(owner[i]).name() + ".V_mV";
                    break;
                default:
                    break;
            }
        }
        return column[i];
    }

    /** @return the tolerance weight {@code atol_i + rtol |y_i|} of component i at y, in its unit */
    double weight(int i, double[] y) {
        return atol[i] + rtol * Math.abs(y[i]);
    }

    /** @return f(y) (the bookkeeping entries included), from the equations with the parameters of T */
    double[] rates(double[] y) {
        double[] f = new double[dimension];
        system.computeDerivatives(atS, y, f);
        return f;
    }

    /**
     * The residual of docs/commands.md: the largest {@code |f_i| / (atol_i + rtol |y_i|)} over the physical state
     * variables, per second (NaN-safe: a non-finite rate gives infinity).
     */
    double residual(double[] y, double[] f) {
        double worst = 0;
        for (int i = 0; i < physical; i++) {
            double r = Math.abs(f[i]) / weight(i, y);
            if (!(r <= worst)) {
                worst = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
            }
        }
        return worst;
    }

    /** @return the index of the physical variable with the largest weighted rate (the residual's) */
    int worstRate(double[] y, double[] f) {
        int worst = 0;
        double max = -1;
        for (int i = 0; i < physical; i++) {
            double r = Math.abs(f[i]) / weight(i, y);
            if (Double.isNaN(r) || r > max) {
                max = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
                worst = i;
            }
        }
        return worst;
    }

    /** @return the volume of compartment c in state y, m^3 */
    double volume(double[] y, int compartment) {
        int v = layout.volumeIndex(compartment);
        return v >= 0 ? y[v] : model.compartments().get(compartment).volumeM3();
    }

    /** @return the concentration of amount component i in state y, mol/m^3 (numerically mM) */
    double concentration(double[] y, int i) {
        return y[i] / volume(y, owner[i]);
    }

    /** @return component i in words, for messages */
    String describe(int i) {
        return layout.describe(model, i);
    }
}
