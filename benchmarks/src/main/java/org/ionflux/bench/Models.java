package org.ionflux.bench;

import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.ModelBuilder;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.output.TraceRecorder;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.solver.Simulation;

/**
 * The models the benchmarks run, built in code with {@link ModelBuilder} (SI units throughout: m^3, m^2,
 * mol/m^3 = mM, V, m/s, S/m^2, A/m^2, F/m^2). One place, so every benchmark and the report run the same physics.
 */
public final class Models {

    /** Cell volume, m^3 (1 pL). */
    public static final double CELL_VOLUME_M3 = 1e-15;
    /** Cell membrane area, m^2 (2000 um^2). */
    public static final double CELL_AREA_M2 = 2000e-12;
    /** Extracellular volume per cell, m^3 (0.2 pL: an extracellular volume fraction of 1/6). */
    public static final double ECS_VOLUME_PER_CELL_M3 = 0.2e-15;
    /** Permeability of the ECS wall to Na, K and Cl, m/s (1e-4 cm/s: ECS-bath exchange in ~0.1 s). */
    public static final double WALL_PERMEABILITY_M_PER_S = 1e-6;
    /** Kay 2017 pump-leak cell: GHK permeabilities, m/s (4e-7, 6.4e-6, 4e-6 cm/s). */
    public static final double P_NA = 4e-9;
    /** See {@link #P_NA}. */
    public static final double P_K = 6.4e-8;
    /** See {@link #P_NA}. */
    public static final double P_CL = 4e-8;
    /** Constant Na/K-ATPase current, A/m^2 (5.2 uA/cm^2; km = 0 as in Kay 2017). */
    public static final double PUMP_A_PER_M2 = 0.052;
    /** Osmotic water permeability, m/s (2e-3 cm/s). */
    public static final double WATER_M_PER_S = 2e-5;
    /** HH patch: stimulus pulses, their start times, s (10 pulses over 1 s, every 100 ms from 50 ms). */
    public static final double HH_FIRST_PULSE_S = 0.050;
    /** Interval between HH pulses, s. */
    public static final double HH_PULSE_INTERVAL_S = 0.100;
    /** Number of HH pulses. */
    public static final int HH_PULSES = 10;
    /** HH pulse duration, s (0.5 ms). */
    public static final double HH_PULSE_DURATION_S = 0.5e-3;
    /** HH pulse amplitude, A/m^2 (20 uA/cm^2). */
    public static final double HH_PULSE_A_PER_M2 = 0.2;

    private Models() {
    }

    /**
     * Kay 2017 pump-leak cell (as scenarios/pump-leak-cell.yaml, without its pump-block event): Na, K, Cl leak
     * through GHK permeabilities, a constant pump, water flux, impermeant X (z = -0.85), dynamic V from -60 mV,
     * started off its steady state (Na 20, K 120 mM) so V and the volume relax. 37 degC. Records every column.
     */
    public static Model pumpLeakCell(SolverKind solver, double rtol, double atol, double durationS,
                                     double outputIntervalS) {
        return Model.builder("pump-leak-cell").temperatureCelsius(37)
                .ion("Na", 1).ion("K", 1).ion("Cl", -1).ion("X", -0.85).ion("Y", -1)
                .compartment("cell", CELL_VOLUME_M3)
                .concentration("Na", 20).concentration("K", 120).concentration("Cl", 10)
                .concentration("X", 152.941176).done()
                .bath("bath").concentration("Na", 145).concentration("K", 3.5).concentration("Cl", 115)
                .concentration("Y", 33.5).done()
                .membrane("plasma", "cell", "bath", CELL_AREA_M2).dynamic(-0.060)
                .ghk("Na", P_NA).ghk("K", P_K).ghk("Cl", P_CL).pump(PUMP_A_PER_M2, 0, 0)
                .waterPermeability(WATER_M_PER_S).done()
                .run(durationS, outputIntervalS).solver(solver, rtol, atol)
                .build();
    }

    /**
     * {@code cells} pump-leak cells (named c0, c1, ...; membranes m0, m1, ...) around one extracellular space
     * {@code ecs} of {@code cells x 0.2 pL}, which exchanges Na, K, Cl and water with a clamped bath through a
     * wall of {@code cells x 2000 um^2} (GHK at 0 V, 1e-4 cm/s). Everything per cell is independent of N, so the
     * physics is the same for every N. The ECS is open because a closed 0.2 pL per cell cannot feed a constant
     * pump: the cells' K uptake would drive the ECS's 3.5 mM of K negative. Cells start off their steady state
     * and differ (Na from 15 to 25 mM, K lowered by as much, so each stays neutral and its osmolarity is the
     * same), so the solver sees N distinct transients.
     *
     * @param record glob patterns of the recorded columns (empty: all)
     */
    public static Model cellsAroundSpace(int cells, SolverKind solver, double rtol, double atol, double durationS,
                                         double outputIntervalS, List<String> record) {
        ModelBuilder b = Model.builder("cells-" + cells).temperatureCelsius(37)
                .ion("Na", 1).ion("K", 1).ion("Cl", -1).ion("X", -0.85).ion("Y", -1);
        b.compartment("ecs", cells * ECS_VOLUME_PER_CELL_M3)
                .concentration("Na", 145).concentration("K", 3.5).concentration("Cl", 115)
                .concentration("Y", 33.5).done();
        b.bath("bath").concentration("Na", 145).concentration("K", 3.5).concentration("Cl", 115)
                .concentration("Y", 33.5).done();
        b.membrane("wall", "ecs", "bath", cells * CELL_AREA_M2).clampVolts(0.0)
                .ghk("Na", WALL_PERMEABILITY_M_PER_S).ghk("K", WALL_PERMEABILITY_M_PER_S)
                .ghk("Cl", WALL_PERMEABILITY_M_PER_S).waterPermeability(WATER_M_PER_S).done();
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < cells; i++) {
            double shift = 10 * ((i * golden) % 1.0) - 5;   // deterministic spread in [-5, 5) mM
            b.compartment("c" + i, CELL_VOLUME_M3)
                    .concentration("Na", 20 + shift).concentration("K", 120 - shift).concentration("Cl", 10)
                    .concentration("X", 152.941176).done();
            b.membrane("m" + i, "c" + i, "ecs", CELL_AREA_M2).dynamic(-0.060)
                    .ghk("Na", P_NA).ghk("K", P_K).ghk("Cl", P_CL).pump(PUMP_A_PER_M2, 0, 0)
                    .waterPermeability(WATER_M_PER_S).done();
        }
        return b.run(durationS, outputIntervalS).solver(solver, rtol, atol).record(record).build();
    }

    /**
     * Hodgkin-Huxley 1952 membrane patch at 6.3 degC: gNa 120, gK 36 mS/cm^2, leak 0.3 mS/cm^2 at -54.387 mV;
     * E_Na ~ +50 mV and E_K ~ -77 mV from Na 50/398.75 mM and K 400/16.345 mM (impermeant A keeps both sides
     * neutral); axon 125 pL behind 1000 um^2 to a clamped bath, V from -65 mV; 10 pulses of 20 uA/cm^2 for
     * 0.5 ms, every 100 ms from 50 ms; 1 s.
     *
     * @param record glob patterns of the recorded columns (empty: all)
     */
    public static Model hhPatch(SolverKind solver, double rtol, double atol, double outputIntervalS,
                                List<String> record) {
        ModelBuilder b = Model.builder("hh-patch").temperatureCelsius(6.3)
                .ion("Na", 1).ion("K", 1).ion("A", -1)
                .compartment("axon", 125e-15).concentration("Na", 50).concentration("K", 400)
                .concentration("A", 450).done()
                .bath("bath").concentration("Na", 398.75).concentration("K", 16.345).concentration("A", 415.095)
                .done()
                .membrane("axolemma", "axon", "bath", 1000e-12).dynamic(-0.065)
                .gated("Na", 1200, HodgkinHuxleyKinetics.HH_NA).gated("K", 360, HodgkinHuxleyKinetics.HH_K)
                .leak(3, -0.054387).done();
        for (int k = 0; k < HH_PULSES; k++) {
            b.stimulus("axolemma", HH_FIRST_PULSE_S + k * HH_PULSE_INTERVAL_S, HH_PULSE_DURATION_S,
                    HH_PULSE_A_PER_M2);
        }
        return b.run(1.0, outputIntervalS).solver(solver, rtol, atol).record(record).build();
    }

    /** @return the solver with that scenario name (e.g. {@code rosenbrock}, {@code dormand-prince-853}) */
    public static SolverKind solver(String key) {
        return SolverKind.fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown solver " + key));
    }

    /**
     * Runs {@code model} once with the trace in memory, presized as {@code ionflux bench} does.
     *
     * @throws IllegalStateException if the run does not complete
     */
    public static InMemoryTrace runInMemory(Model model) {
        Simulation simulation = new Simulation(model);
        InMemoryTrace trace = new InMemoryTrace((int) Math.min(simulation.outputTimes().count(), 10_000_000L));
        RunResult r = run(simulation, trace);
        if (r.status() != RunResult.Status.COMPLETED) {
            throw new IllegalStateException(r.error());
        }
        return trace;
    }

    /** Runs {@code simulation} with its recorded columns going into {@code trace}, as {@code ionflux bench} does. */
    public static RunResult run(Simulation simulation, InMemoryTrace trace) {
        return simulation.run(new TraceRecorder(simulation.system(), simulation.system().model().settings().record(),
                trace), new RunControl());
    }
}
