package org.ionflux.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.InMemoryTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why: spikes are the other kind of hard problem (fast upstrokes, long quiet stretches, a restart at every pulse
 * edge), and the one the issue compares with NEURON (CVODE 0.12 s, fixed step 1.1 s) and Brian2 (3.6 s). This
 * times 1 s of the HH 1952 patch driven by 10 pulses ({@link Models#hhPatch}), V recorded every 0.01 ms, with
 * rosenbrock and dormand-prince-853 at two tolerances. Spike-time and peak errors against a rtol 1e-11 reference
 * come from {@link AccuracyReport}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HhPulseTrainBenchmark {

    /** Output interval, s (0.01 ms). */
    public static final double OUTPUT_S = 1e-5;
    /** Recorded columns. */
    public static final List<String> RECORD = List.of("axolemma.V_mV");

    /** Solver, by scenario name. */
    @Param({"rosenbrock", "dormand-prince-853"})
    public String solver;

    /** Relative tolerance (atol = rtol x 1e-3, mV and gate units). */
    @Param({"1e-6", "1e-8"})
    public double rtol;

    private Model model;

    @Setup
    public void build() {
        model = Models.hhPatch(Models.solver(solver), rtol, rtol * AccuracyReport.ATOL_PER_RTOL, OUTPUT_S, RECORD);
    }

    @Benchmark
    public InMemoryTrace run() {
        return Models.runInMemory(model);
    }
}
