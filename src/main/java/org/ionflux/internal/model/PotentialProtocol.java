package org.ionflux.internal.model;

import java.util.Arrays;

/** How a membrane's potential is set (docs/physics.md section 9). */
public sealed interface PotentialProtocol permits PotentialProtocol.Clamp, PotentialProtocol.Dynamic {

    /** @return the potential at t = 0, V */
    double initialVolts();

    /**
     * Voltage clamp: piecewise-constant {@code V(t)}; {@code valuesVolts[i]} holds on
     * {@code [stepTimesS[i], stepTimesS[i+1])}. A constant clamp is one step at 0 s.
     *
     * @param stepTimesS  step times, s, starting at 0 and strictly increasing
     * @param valuesVolts clamp values, V
     */
    record Clamp(double[] stepTimesS, double[] valuesVolts) implements PotentialProtocol {

        /** Checks the steps and copies the arrays. */
        public Clamp {
            stepTimesS = stepTimesS.clone();
            valuesVolts = valuesVolts.clone();
            if (stepTimesS.length == 0 || stepTimesS.length != valuesVolts.length || stepTimesS[0] != 0) {
                throw new IllegalArgumentException("clamp steps must start at 0 s, one value per step");
            }
            for (int i = 0; i < stepTimesS.length; i++) {
                if (i > 0 && !(stepTimesS[i] > stepTimesS[i - 1])) {
                    throw new IllegalArgumentException("clamp step times must increase strictly");
                }
                if (!Double.isFinite(valuesVolts[i])) {
                    throw new IllegalArgumentException("clamp values must be finite");
                }
            }
        }

        /** A constant clamp at {@code volts}. */
        public static Clamp constant(double volts) {
            return new Clamp(new double[] {0.0}, new double[] {volts});
        }

        @Override
        public double initialVolts() {
            return valuesVolts[0];
        }

        /** @return a copy where the step in force at {@code timeS} holds {@code volts} (until the next step) */
        public Clamp withValueAt(double timeS, double volts) {
            int i = Arrays.binarySearch(stepTimesS, timeS);
            double[] values = valuesVolts.clone();
            values[i >= 0 ? i : Math.max(0, -i - 2)] = volts;
            return new Clamp(stepTimesS, values);
        }

        /** @return the clamp value in force at {@code timeS} (the value after a step at that time), V */
        public double voltsAt(double timeS) {
            int i = Arrays.binarySearch(stepTimesS, timeS);
            return valuesVolts[i >= 0 ? i : Math.max(0, -i - 2)];
        }

        @Override
        public double[] stepTimesS() {
            return stepTimesS.clone();
        }

        @Override
        public double[] valuesVolts() {
            return valuesVolts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Clamp c && Arrays.equals(stepTimesS, c.stepTimesS)
                    && Arrays.equals(valuesVolts, c.valuesVolts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(stepTimesS) * 31 + Arrays.hashCode(valuesVolts);
        }

        @Override
        public String toString() {
            return "Clamp[t=" + Arrays.toString(stepTimesS) + " s, V=" + Arrays.toString(valuesVolts) + " V]";
        }
    }

    /**
     * Free potential integrated from the membrane current: {@code C_m dV/dt = -I}.
     *
     * @param initialVolts V at t = 0, V
     */
    record Dynamic(double initialVolts) implements PotentialProtocol {
        /** Checks the initial value. */
        public Dynamic {
            if (!Double.isFinite(initialVolts)) {
                throw new IllegalArgumentException("initial potential must be finite");
            }
        }
    }
}
