package org.ionflux.internal.model;

import java.util.Arrays;
import java.util.Optional;

/** Integrators selectable with {@code simulation.solver}. */
public enum SolverKind {
    /** Dormand-Prince 8(5,3), Commons Math. */
    DORMAND_PRINCE_853("dormand-prince-853"),
    /** Dormand-Prince 5(4), Commons Math. */
    DORMAND_PRINCE_54("dormand-prince-54"),
    /** Gragg-Bulirsch-Stoer extrapolation, Commons Math. */
    GRAGG_BULIRSCH_STOER("gragg-bulirsch-stoer"),
    /** Adams-Moulton multistep (4 steps), Commons Math. */
    ADAMS_MOULTON("adams-moulton"),
    /** Classical Runge-Kutta 4 with a fixed {@code simulation.step}, Commons Math. */
    CLASSICAL_RK4("classical-rk4"),
    /** Rodas4, an L-stable stiffly accurate Rosenbrock method (ionflux's own); the default. */
    ROSENBROCK("rosenbrock");

    /**
     * The solver used when a scenario names none: Rodas4, which won every benchmark of issue 5 that it entered
     * (stiff pump-leak runs by a factor of ~2000, Hodgkin-Huxley spike trains on par at rtol 1e-6; see
     * benchmarks/README.md).
     */
    public static final SolverKind DEFAULT = ROSENBROCK;

    private final String key;

    SolverKind(String key) {
        this.key = key;
    }

    /** @return the name used in scenario files */
    public String key() {
        return key;
    }

    /** @return the solver with that scenario name, if any */
    public static Optional<SolverKind> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** @return true if the solver needs a fixed {@code step} */
    public boolean isFixedStep() {
        return this == CLASSICAL_RK4;
    }
}
