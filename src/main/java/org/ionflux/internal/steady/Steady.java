package org.ionflux.internal.steady;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.solver.IonFluxSystem;

/**
 * {@code ionflux steady}: the steady state of a scenario's equations with the parameters in force at a time T,
 * solved directly (docs/commands.md). It finds the conserved quantities ({@link ConservationLaws}), solves for the
 * steady state that keeps them ({@link SteadySolver}), and reports it as {@code run} would show it (the trace
 * columns), with the time constants of the approach ({@link TimeConstants}) and, per membrane and charged ion it
 * moves, the equilibrium potential and the driving force left.
 */
public final class Steady {

    /** {@code |V - E_X|} at most this is "at equilibrium", mV (docs/commands.md). */
    public static final double EQUILIBRIUM_MV = 1e-6;

    private Steady() {
    }

    /**
     * Solves for the steady state.
     *
     * @param model the scenario's model
     * @param atS   the time whose parameters are in force, s, in [0, duration]
     * @return the outcome (never null): steady, no_steady_state or not_converged
     * @throws IllegalArgumentException if {@code atS} is negative, not finite or beyond the duration
     */
    public static SteadyResult solve(Model model, double atS) {
        if (!(atS >= 0) || atS > model.settings().durationS()) {
            throw new IllegalArgumentException("the time must be between 0 and the duration ("
                    + model.settings().durationS() + " s), found " + atS + " s");
        }
        long start = System.nanoTime();
        SteadyProblem problem = new SteadyProblem(model, atS);
        ConservationLaws laws = ConservationLaws.of(problem);
        LawSet lawSet = new LawSet(problem, laws.physical());
        SteadySolver.Outcome outcome = new SteadySolver(problem, lawSet).solve();
        boolean steady = outcome.status() == SteadySolver.Status.STEADY;

        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Map<String, SteadyResult.Equilibrium>> membranes = new LinkedHashMap<>();
        if (steady) {
            double[] y = outcome.y();
            TraceColumns columns = new TraceColumns(problem.system(), model.settings().record());
            double[] row = new double[columns.size()];
            columns.fill(atS, y, row);
            List<TraceColumns.Column> names = columns.columns();
            for (int i = 1; i < row.length; i++) {
                values.put(names.get(i).name(), row[i]);
            }
            membranes = equilibria(problem, y);
        }
        // the laws in words when first asked for (steady.json, the terminal, the API's conserved())
        List<ConservationLaws.Law> all = laws.all();
        Supplier<List<SteadyResult.Conserved>> conserved = () -> conserved(all);
        // the time constants when first asked for (steady.json, the terminal, the API's timeConstants())
        double[] yAtRest = steady ? outcome.y().clone() : null;
        Supplier<List<SteadyResult.TimeConstant>> times = steady
                ? () -> timeConstants(problem, lawSet, yAtRest) : List::of;
        double wall = (System.nanoTime() - start) * 1e-9;
        return new SteadyResult(model.name(), outcome.status().key(), atS, outcome.method(), outcome.iterations(),
                outcome.residual(), values, conserved, times, membranes, outcome.message(), wall,
                laws.transferLawsOmitted());
    }

    /** @return the laws with their descriptions ({@link LawText}) */
    static List<SteadyResult.Conserved> conserved(List<ConservationLaws.Law> laws) {
        List<SteadyResult.Conserved> conserved = new ArrayList<>();
        for (ConservationLaws.Law law : laws) {
            conserved.add(new SteadyResult.Conserved(law.description(), law.value(), law.unit(), law.physical()));
        }
        return conserved;
    }

    /** @return the modes of relaxation at the steady state y, slowest first ({@link TimeConstants}) */
    static List<SteadyResult.TimeConstant> timeConstants(SteadyProblem problem, LawSet lawSet, double[] y) {
        List<SteadyResult.TimeConstant> times = new ArrayList<>();
        for (TimeConstants.Mode m : TimeConstants.of(problem, lawSet, y)) {
            times.add(new SteadyResult.TimeConstant(m.tauS(), m.periodS(), m.dominant(), m.realPerS(),
                    m.imagPerS(), m.multiplicity()));
        }
        return times;
    }

    /** Per membrane and charged species it moves: E_X, V - E_X and whether they are equal within 1e-6 mV. */
    private static Map<String, Map<String, SteadyResult.Equilibrium>> equilibria(SteadyProblem problem, double[] y) {
        Model model = problem.model();
        IonFluxSystem system = problem.system();
        system.updateObservables(y);
        Map<String, Map<String, SteadyResult.Equilibrium>> out = new LinkedHashMap<>();
        for (int m = 0; m < model.membranes().size(); m++) {
            Membrane mem = model.membranes().get(m);
            Map<String, SteadyResult.Equilibrium> ions = new LinkedHashMap<>();
            double vMv = system.potentialVolts(m) * 1e3;
            for (int s = 0; s < model.species().size(); s++) {
                if (model.species().get(s).charge() == 0 || !system.moves(m, s)) {
                    continue;
                }
                double eMv = system.nernstPotentialVolts(m, s) * 1e3;
                double drive = vMv - eMv;
                ions.put(model.species().get(s).name(), new SteadyResult.Equilibrium(eMv, drive,
                        Math.abs(drive) <= EQUILIBRIUM_MV));
            }
            out.put(mem.name(), ions);
        }
        return out;
    }
}
