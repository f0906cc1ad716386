package org.ionflux.internal.solver;

/**
 * What a run did.
 *
 * @param status               completed, failed or interrupted
 * @param solverName           the solver's scenario name
 * @param steps                accepted steps
 * @param rejectedSteps        rejected steps, or -1 when the solver does not report them (Commons Math); any
 *                             count is -1 when it is not known (a run ended by an internal error)
 * @param rhsEvaluations       right-hand-side evaluations, those for difference Jacobians included
 * @param jacobianEvaluations  Jacobian evaluations
 * @param integrationWallTimeS wall time of the integration, s
 * @param maxRelativeMassError largest relative mass error seen, NaN if it does not apply
 * @param maxRelativeChargeError largest relative charge error seen, NaN if it does not apply
 * @param error                why the run failed or stopped, null when completed
 * @param failedAtS            simulated time of the failure, NaN when completed
 * @param steadyStateAtS       time the run stopped at steady state ({@code stop_at_steady_state}), NaN otherwise
 */
public record RunResult(Status status, String solverName, long steps, long rejectedSteps, long rhsEvaluations,
                        long jacobianEvaluations, double integrationWallTimeS, double maxRelativeMassError,
                        double maxRelativeChargeError, String error, double failedAtS, double steadyStateAtS) {

    /** How a run ended (docs/commands.md). */
    public enum Status {
        /** Reached the end of the run. */
        COMPLETED,
        /** Stopped by an engine failure. */
        FAILED,
        /** Stopped by the user. */
        INTERRUPTED;

        /** @return the word used in summary.json */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @return the result of a run ended by something other than the solver (an internal error, a full disk):
     *     status failed, counts unknown (-1), invariants not known (NaN)
     */
    public static RunResult failedOutsideTheSolver(String solverName, String error, double failedAtS) {
        return new RunResult(Status.FAILED, solverName, -1, -1, -1, -1, Double.NaN, Double.NaN, Double.NaN, error,
                failedAtS, Double.NaN);
    }
}
