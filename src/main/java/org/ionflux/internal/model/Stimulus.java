package org.ionflux.internal.model;

/**
 * A current pulse on a dynamic membrane, on {@code [start, start + duration)}; positive depolarizes
 * (docs/physics.md section 9).
 *
 * @param membraneIndex   the membrane
 * @param startS          start, s
 * @param durationS       duration, s
 * @param amplitudeAPerM2 current density, A/m^2
 */
public record Stimulus(int membraneIndex, double startS, double durationS, double amplitudeAPerM2) {

    /** Checks the values. */
    public Stimulus {
        Checks.nonNegativeFinite(startS, "start");
        Checks.positiveFinite(durationS, "duration");
        if (!Double.isFinite(amplitudeAPerM2)) {
            throw new IllegalArgumentException("amplitude must be finite");
        }
    }

    /** @return the end of the pulse, s */
    public double endS() {
        return startS + durationS;
    }

    /** @return true if the pulse is on at {@code timeS} */
    public boolean isOnAt(double timeS) {
        return timeS >= startS && timeS < endS();
    }
}
