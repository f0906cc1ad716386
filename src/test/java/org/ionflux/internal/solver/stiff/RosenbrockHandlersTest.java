package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.apache.commons.math3.ode.sampling.StepNormalizer;
import org.apache.commons.math3.ode.sampling.StepNormalizerBounds;
import org.apache.commons.math3.ode.sampling.StepNormalizerMode;
import org.junit.jupiter.api.Test;

/** Interplay with Commons Math step handlers, step normalizers and event handlers. */
class RosenbrockHandlersTest {

    /** y' = -y, autonomous, analytic Jacobian. */
    private static final class Decay implements FirstOrderDifferentialEquations, JacobianProvider {
        @Override
        public int getDimension() {
            return 1;
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            yDot[0] = -y[0];
        }

        @Override
        public void computeJacobian(final double t, final double[] y, final double[] yDot, final double[][] j) {
            j[0][0] = -1.0;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }
    }

    /** Receives one time of a step: its interpolator and the time, within [previous, current]. */
    private interface StepTime {
        void at(RosenbrockStepInterpolator interpolator, double t);
    }

    /**
     * A step handler that calls {@code check} at both ends and {@code inner} random times of every step.
     *
     * @param counted incremented per time checked
     */
    private static StepHandler atTimesOfEachStep(final int inner, final long seed, final int[] counted,
                                                 final StepTime check) {
        return new StepHandler() {
            private final java.util.SplittableRandom random = new java.util.SplittableRandom(seed);

            @Override
            public void init(final double t0, final double[] y0, final double t) {
            }

            @Override
            public void handleStep(final StepInterpolator interpolator, final boolean isLast) {
                final double start = interpolator.getPreviousTime();
                final double end = interpolator.getCurrentTime();
                for (int k = 0; k <= inner + 1; k++) {
                    final double t = k == 0 ? start : k == inner + 1 ? end
                            : start + (end - start) * random.nextDouble();
                    check.at((RosenbrockStepInterpolator) interpolator, t);
                    counted[0]++;
                }
            }
        };
    }

    @Test
    void stateAtHasTheBitsOfTheInterpolatedState() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0, 1.0e-10, 1.0e-6);
        final int[] compared = new int[1];
        final double[] direct = new double[2];
        integrator.addStepHandler(atTimesOfEachStep(19, 5, compared, (interpolator, t) -> {
            interpolator.stateAt(t, direct);
            interpolator.setInterpolatedTime(t);
            assertThat(direct).as("t = %s", t).containsExactly(interpolator.getInterpolatedState());
        }));
        final double[] y = TestProblems.Linear2.initial();
        integrator.integrate(new TestProblems.Linear2(), 0.0, y.clone(), 5.0, y);
        assertThat(compared[0]).isGreaterThan(100);
    }

    /**
     * {@code stateBounds} must hold every state {@code stateAt} gives within the step (it lets a trace check all of a
     * step's rows at once): the ends and 200 random times of every step of a stiff problem (Robertson) and a
     * linear one. (Without the quarter of {@code |q1| + |q2|} the box misses states inside Robertson's steps.)
     */
    @Test
    void stateBoundsHoldEveryInterpolatedState() {
        final int[] checked = new int[1];
        for (final boolean stiff : new boolean[] {true, false}) {
            final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0e3, 1.0e-10, 1.0e-6);
            final int n = stiff ? 3 : 2;
            final double[] low = new double[n];
            final double[] high = new double[n];
            final double[] y = new double[n];
            integrator.addStepHandler(atTimesOfEachStep(200, 9, checked, (interpolator, t) -> {
                interpolator.stateBounds(low, high);
                interpolator.stateAt(t, y);
                for (int i = 0; i < n; i++) {
                    assertThat(y[i]).as("component %d at t = %s in [%s, %s]", i, t, interpolator.getPreviousTime(),
                            interpolator.getCurrentTime()).isBetween(low[i], high[i]);
                }
            }));
            if (stiff) {
                final double[] y0 = TestProblems.Robertson.initial();
                integrator.integrate(new TestProblems.Robertson(), 0.0, y0.clone(), 40.0, y0);
            } else {
                final double[] y0 = TestProblems.Linear2.initial();
                integrator.integrate(new TestProblems.Linear2(), 0.0, y0.clone(), 5.0, y0);
            }
        }
        assertThat(checked[0]).isGreaterThan(2000);
    }

    @Test
    void stepHandlerSamplingAtFixedTimesSeesExactSolution() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0, 1.0e-10, 1.0e-8);
        final double dt = 0.05;
        final List<Double> errors = new ArrayList<>();
        integrator.addStepHandler(new StepHandler() {
            private int next;

            @Override
            public void init(final double t0, final double[] y0, final double t) {
                next = 0;
            }

            @Override
            public void handleStep(final StepInterpolator interpolator, final boolean isLast) {
                while (next * dt <= interpolator.getCurrentTime() + 1.0e-12) {
                    final double ts = next * dt;
                    interpolator.setInterpolatedTime(ts);
                    final double[] exact = TestProblems.Linear2.exact(ts);
                    final double[] y = interpolator.getInterpolatedState();
                    errors.add(Math.max(Math.abs(y[0] - exact[0]), Math.abs(y[1] - exact[1])));
                    ++next;
                }
            }
        });
        final double[] y = TestProblems.Linear2.initial();
        integrator.integrate(new TestProblems.Linear2(), 0.0, y.clone(), 5.0, y);

        assertThat(errors).hasSize(101);
        assertThat(errors).allSatisfy(e -> assertThat(e).isLessThan(1.0e-6));
    }

    @Test
    void stepNormalizerDeliversExactSolutionOnGrid() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0, 1.0e-10, 1.0e-8);
        final List<double[]> samples = new ArrayList<>();
        integrator.addStepHandler(new StepNormalizer(0.1, TestProblems.fixedStepHandler((t, y, yDot, isLast) -> {
            samples.add(new double[] {t, y[0], y[1], yDot[0]});
        }), StepNormalizerMode.MULTIPLES, StepNormalizerBounds.BOTH));
        final double[] y = TestProblems.Linear2.initial();
        integrator.integrate(new TestProblems.Linear2(), 0.0, y.clone(), 3.0, y);

        assertThat(samples).hasSize(31);
        for (final double[] s : samples) {
            final double[] exact = TestProblems.Linear2.exact(s[0]);
            assertThat(s[1]).isCloseTo(exact[0], within(1.0e-6));
            assertThat(s[2]).isCloseTo(exact[1], within(1.0e-6));
            // derivative of the interpolation polynomial: y1' = y2 (lower order, looser tolerance)
            assertThat(s[3]).isCloseTo(exact[1], within(1.0e-4));
        }
        assertThat(samples.get(samples.size() - 1)[0]).isCloseTo(3.0, within(1.0e-12));
    }

    @Test
    void eventHandlerLocatesThresholdCrossing() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0, 1.0e-10, 1.0e-8);
        integrator.addEventHandler(new EventHandler() {
            @Override
            public void init(final double t0, final double[] y0, final double t) {
            }

            @Override
            public double g(final double t, final double[] y) {
                return y[0] - 0.5;
            }

            @Override
            public Action eventOccurred(final double t, final double[] y, final boolean increasing) {
                return Action.STOP;
            }

            @Override
            public void resetState(final double t, final double[] y) {
            }
        }, 0.1, 1.0e-12, 100);
        final double[] y = {1.0};
        final double tStop = integrator.integrate(new Decay(), 0.0, y.clone(), 10.0, y);

        assertThat(tStop).isCloseTo(Math.log(2.0), within(1.0e-7));
        assertThat(y[0]).isCloseTo(0.5, within(1.0e-8));
    }

    @Test
    void resetStateEventRestartsIntegration() {
        // y' = 1 from y = 0, reset to 0 at t = 1 and t = 2 (sign changes of sin(pi t)): y(2.5) = 0.5.
        // g must stay continuous across the reset (Commons Math 3 EventState requirement).
        final FirstOrderDifferentialEquations ramp = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
                yDot[0] = 1.0;
            }
        };
        final int[] resets = {0};
        final double[] resetTimes = new double[2];
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 0.7, 1.0e-10, 1.0e-8);
        integrator.addEventHandler(new EventHandler() {
            @Override
            public void init(final double t0, final double[] y0, final double t) {
            }

            @Override
            public double g(final double t, final double[] y) {
                return Math.sin(Math.PI * t);
            }

            @Override
            public Action eventOccurred(final double t, final double[] y, final boolean increasing) {
                return Action.RESET_STATE;
            }

            @Override
            public void resetState(final double t, final double[] y) {
                assertThat(y[0]).isCloseTo(1.0, within(1.0e-8));
                resetTimes[resets[0]++] = t;
                y[0] = 0.0;
            }
        }, 0.1, 1.0e-12, 100);
        final double[] y = {0.0};
        final double tEnd = integrator.integrate(ramp, 0.0, y.clone(), 2.5, y);

        assertThat(tEnd).isEqualTo(2.5);
        assertThat(resets[0]).isEqualTo(2);
        assertThat(resetTimes[0]).isCloseTo(1.0, within(1.0e-10));
        assertThat(resetTimes[1]).isCloseTo(2.0, within(1.0e-10));
        assertThat(y[0]).isCloseTo(0.5, within(1.0e-9));
    }

    @Test
    void backwardIntegration() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0, 1.0e-12, 1.0e-9);
        final List<Double> times = new ArrayList<>();
        integrator.addStepHandler(TestProblems.stepHandler((interpolator, isLast) -> {
            assertThat(interpolator.isForward()).isFalse();
            times.add(interpolator.getCurrentTime());
        }));
        final double[] y = {Math.exp(-2.0)};
        integrator.integrate(new Decay(), 2.0, y.clone(), 0.0, y);
        assertThat(y[0]).isCloseTo(1.0, within(1.0e-7));
        assertThat(times).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void interpolatorCopyAndSerializationRoundTrip() throws Exception {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 1.0, 1.0e-10, 1.0e-8);
        final List<StepInterpolator> copies = new ArrayList<>();
        integrator.addStepHandler(TestProblems.stepHandler((interpolator, isLast) -> copies.add(interpolator.copy())));
        final double[] y = TestProblems.Linear2.initial();
        integrator.integrate(new TestProblems.Linear2(), 0.0, y.clone(), 2.0, y);
        assertThat(copies.size()).isGreaterThan(2);

        // an early copy is independent of later steps
        final StepInterpolator early = copies.get(1);
        assertThat(early).isInstanceOf(RosenbrockStepInterpolator.class);
        final double tm = 0.5 * (early.getPreviousTime() + early.getCurrentTime());
        early.setInterpolatedTime(tm);
        final double[] before = early.getInterpolatedState().clone();
        assertThat(before[0]).isCloseTo(TestProblems.Linear2.exact(tm)[0], within(1.0e-6));

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(early);
        }
        final StepInterpolator restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (StepInterpolator) in.readObject();
        }
        restored.setInterpolatedTime(tm);
        assertThat(restored.getInterpolatedState()).containsExactly(before);
        assertThat(restored.getPreviousTime()).isEqualTo(early.getPreviousTime());
    }
}
