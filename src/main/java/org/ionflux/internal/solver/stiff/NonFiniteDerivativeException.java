package org.ionflux.internal.solver.stiff;

/**
 * The right-hand side is not finite at an accepted state (the start of a step): no step size can cure that, so
 * the integration stops and names the component.
 */
public final class NonFiniteDerivativeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int component;
    private final double time;

    /**
     * @param component index of the first non-finite derivative
     * @param time      time of the state
     * @param value     the derivative found
     */
    public NonFiniteDerivativeException(int component, double time, double value) {
        super("the derivative of state component " + component + " is " + value + " at t = " + time);
        this.component = component;
        this.time = time;
    }

    /** @return index of the first non-finite derivative */
    public int component() {
        return component;
    }

    /** @return time of the state */
    public double time() {
        return time;
    }
}
