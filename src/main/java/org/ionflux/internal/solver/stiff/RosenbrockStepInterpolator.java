package org.ionflux.internal.solver.stiff;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

import org.apache.commons.math3.ode.EquationsMapper;
import org.apache.commons.math3.ode.sampling.AbstractStepInterpolator;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * Dense output of {@link RosenbrockIntegrator}: the order-3 continuous extension of Rodas4
 * (Hairer &amp; Wanner, ODE II, section IV.7; Hairer's {@code rodas.f}, function {@code CONTRO}).
 *
 * <p>For {@code theta = (t - t0) / h} in [0, 1]:</p>
 * <pre>
 *   y(theta)  = (1 - theta) y0 + theta y1 + theta (1 - theta) (q1 + theta q2)
 *   y'(theta) = [y1 - y0 + (1 - 2 theta) q1 + theta (2 - 3 theta) q2] / h
 * </pre>
 * <p>where {@code q1, q2} are combinations of the stage increments (see {@link Rodas4Tableau}).
 * The derivative is the derivative of the interpolation polynomial (order 2), not {@code f}.</p>
 *
 * <p>Instances are created by the integrator; the public no-argument constructor exists only
 * for {@link java.io.Externalizable} deserialization.</p>
 */
public class RosenbrockStepInterpolator extends AbstractStepInterpolator {

    /** Serializable version identifier. */
    private static final long serialVersionUID = 20240601L;

    /** State at the start of the step. */
    private double[] previousState;

    /** First dense output coefficient vector q1. */
    private double[] q1;

    /** Second dense output coefficient vector q2. */
    private double[] q2;

    /**
     * Creates an empty interpolator; to be used only by deserialization and by the integrator.
     */
    public RosenbrockStepInterpolator() {
        super();
        previousState = null;
        q1 = null;
        q2 = null;
    }

    /**
     * Deep copy constructor.
     *
     * @param interpolator interpolator to copy
     */
    public RosenbrockStepInterpolator(final RosenbrockStepInterpolator interpolator) {
        super(interpolator);
        previousState = interpolator.previousState == null ? null : interpolator.previousState.clone();
        q1 = interpolator.q1 == null ? null : interpolator.q1.clone();
        q2 = interpolator.q2 == null ? null : interpolator.q2.clone();
    }

    /**
     * Binds the interpolator to the integrator's end-of-step state array and allocates buffers.
     *
     * @param y               end-of-step state array shared with the integrator
     * @param forward         integration direction
     * @param primaryMapper   primary equations mapper
     * @param secondaryMappers secondary equations mappers
     */
    void setUp(final double[] y, final boolean forward,
               final EquationsMapper primaryMapper, final EquationsMapper[] secondaryMappers) {
        reinitialize(y, forward, primaryMapper, secondaryMappers);
        previousState = new double[y.length];
        q1 = new double[y.length];
        q2 = new double[y.length];
    }

    /**
     * Stores the dense output data of an accepted step (no allocation).
     *
     * @param y0 state at the start of the step
     * @param k  stage increments u1..u5 (at least five rows)
     */
    void storeStep(final double[] y0, final double[][] k) {
        System.arraycopy(y0, 0, previousState, 0, y0.length);
        final double[] k1 = k[0];
        final double[] k2 = k[1];
        final double[] k3 = k[2];
        final double[] k4 = k[3];
        final double[] k5 = k[4];
        for (int i = 0; i < q1.length; ++i) {
            q1[i] = Rodas4Tableau.D21 * k1[i] + Rodas4Tableau.D22 * k2[i] + Rodas4Tableau.D23 * k3[i]
                  + Rodas4Tableau.D24 * k4[i] + Rodas4Tableau.D25 * k5[i];
            q2[i] = Rodas4Tableau.D31 * k1[i] + Rodas4Tableau.D32 * k2[i] + Rodas4Tableau.D33 * k3[i]
                  + Rodas4Tableau.D34 * k4[i] + Rodas4Tableau.D35 * k5[i];
        }
    }

    /** {@inheritDoc} */
    @Override
    protected StepInterpolator doCopy() {
        return new RosenbrockStepInterpolator(this);
    }

    /**
     * The state at {@code time} (within the step) into {@code out}: the bits of {@code setInterpolatedTime(time)}
     * then {@code getInterpolatedState()} (the same theta, the same formula), without the derivatives and Commons
     * Math's copies, which a trace row does not need (3601 rows in 100 steps of the pump-leak benchmark).
     *
     * @param time time, s
     * @param out  receives the state (the whole state: the engine has no secondary equations)
     */
    public void stateAt(final double time, final double[] out) {
        final double oneMinusThetaH = getGlobalCurrentTime() - time;
        final double theta = (h == 0) ? 0 : (h - oneMinusThetaH) / h;
        final double oneMinusTheta = 1.0 - theta;
        for (int i = 0; i < out.length; ++i) {
            out[i] = oneMinusTheta * previousState[i]
                   + theta * (currentState[i] + oneMinusTheta * (q1[i] + theta * q2[i]));
        }
    }

    /**
     * A box that holds the state at every time of the step, as {@link #stateAt} computes it: componentwise
     * {@code min(y0, y1) - b <= y(theta) <= max(y0, y1) + b} with {@code b = (|q1| + |q2|) / 4}, since
     * {@code (1 - theta) y0 + theta y1} lies between y0 and y1 and {@code |theta (1 - theta) (q1 + theta q2)|} is
     * at most a quarter of {@code |q1| + |q2|} for theta in [0, 1]; widened by 1e-12 of the magnitudes, far more
     * than {@code stateAt}'s rounding (a few ulps of them).
     *
     * @param lowest  receives the lower corner
     * @param highest receives the upper corner
     */
    public void stateBounds(final double[] lowest, final double[] highest) {
        for (int i = 0; i < lowest.length; ++i) {
            final double y0 = previousState[i];
            final double y1 = currentState[i];
            final double bubble = 0.25 * (Math.abs(q1[i]) + Math.abs(q2[i]));
            final double margin = 1e-12 * (Math.abs(y0) + Math.abs(y1) + bubble);
            lowest[i] = Math.min(y0, y1) - bubble - margin;
            highest[i] = Math.max(y0, y1) + bubble + margin;
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void computeInterpolatedStateAndDerivatives(final double theta, final double oneMinusThetaH) {
        final double oneMinusTheta = 1.0 - theta;
        final double dSlope = 1.0 - 2.0 * theta;
        final double dCurv = theta * (2.0 - 3.0 * theta);
        final double invH = 1.0 / h;
        for (int i = 0; i < interpolatedState.length; ++i) {
            final double y0 = previousState[i];
            final double y1 = currentState[i];
            interpolatedState[i] = oneMinusTheta * y0
                                 + theta * (y1 + oneMinusTheta * (q1[i] + theta * q2[i]));
            interpolatedDerivatives[i] = (y1 - y0 + dSlope * q1[i] + dCurv * q2[i]) * invH;
        }
    }

    /** {@inheritDoc} */
    @Override
    public void writeExternal(final ObjectOutput out) throws IOException {
        writeBaseExternal(out);
        writeArray(out, previousState);
        writeArray(out, q1);
        writeArray(out, q2);
    }

    /** {@inheritDoc} */
    @Override
    public void readExternal(final ObjectInput in) throws IOException, ClassNotFoundException {
        final double t = readBaseExternal(in);
        previousState = readArray(in);
        q1 = readArray(in);
        q2 = readArray(in);
        if (currentState != null) {
            setInterpolatedTime(t);
        }
    }

    /**
     * Writes a possibly null array.
     *
     * @param out   output stream
     * @param array array to write
     * @throws IOException on stream error
     */
    private static void writeArray(final ObjectOutput out, final double[] array) throws IOException {
        out.writeInt(array == null ? -1 : array.length);
        if (array != null) {
            for (final double v : array) {
                out.writeDouble(v);
            }
        }
    }

    /**
     * Reads a possibly null array written by {@link #writeArray(ObjectOutput, double[])}.
     *
     * @param in input stream
     * @return array read, or null
     * @throws IOException on stream error
     */
    private static double[] readArray(final ObjectInput in) throws IOException {
        final int length = in.readInt();
        if (length < 0) {
            return null;
        }
        final double[] array = new double[length];
        for (int i = 0; i < length; ++i) {
            array[i] = in.readDouble();
        }
        return array;
    }
}
