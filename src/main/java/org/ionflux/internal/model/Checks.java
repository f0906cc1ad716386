package org.ionflux.internal.model;

/** Argument checks shared by the model's records (programming errors; users get scenario errors). */
final class Checks {

    private Checks() {
    }

    static void nonNegativeFinite(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
        }
    }

    static void positiveFinite(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
    }
}
