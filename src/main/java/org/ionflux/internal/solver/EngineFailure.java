package org.ionflux.internal.solver;

/** A run that cannot go on: non-finite state, negative concentration, step size underflow. */
public final class EngineFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double timeS;

    /**
     * @param message what went wrong, in words a user understands
     * @param timeS   simulated time of the failure, s
     */
    public EngineFailure(String message, double timeS) {
        super(message);
        this.timeS = timeS;
    }

    /** @return simulated time of the failure, s */
    public double timeS() {
        return timeS;
    }
}
