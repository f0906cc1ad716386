package org.ionflux.internal.steady;

import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.ModelBuilder;
import org.ionflux.internal.model.SolverKind;

/** Models built in code for the steady-state tests (the benchmarks' scaling model, at any size). */
final class SteadyTestModels {

    private SteadyTestModels() {
    }

    /**
     * {@code cells} Kay pump-leak cells (GHK Na, K, Cl; constant pump; water) around one extracellular space that
     * exchanges Na, K, Cl and water with a clamped bath: the benchmarks' {@code Models.cellsAroundSpace} (SI units).
     */
    static Model cellsAroundSpace(int cells) {
        ModelBuilder b = Model.builder("cells-" + cells).temperatureCelsius(37)
                .ion("Na", 1).ion("K", 1).ion("Cl", -1).ion("X", -0.85).ion("Y", -1);
        b.compartment("ecs", cells * 0.2e-15)
                .concentration("Na", 145).concentration("K", 3.5).concentration("Cl", 115)
                .concentration("Y", 33.5).done();
        b.bath("bath").concentration("Na", 145).concentration("K", 3.5).concentration("Cl", 115)
                .concentration("Y", 33.5).done();
        b.membrane("wall", "ecs", "bath", cells * 2000e-12).clampVolts(0.0)
                .ghk("Na", 1e-6).ghk("K", 1e-6).ghk("Cl", 1e-6).waterPermeability(2e-5).done();
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < cells; i++) {
            double shift = 10 * ((i * golden) % 1.0) - 5;
            b.compartment("c" + i, 1e-15)
                    .concentration("Na", 20 + shift).concentration("K", 120 - shift).concentration("Cl", 10)
                    .concentration("X", 152.941176).done();
            b.membrane("m" + i, "c" + i, "ecs", 2000e-12).dynamic(-0.060)
                    .ghk("Na", 4e-9).ghk("K", 6.4e-8).ghk("Cl", 4e-8).pump(0.052, 0, 0)
                    .waterPermeability(2e-5).done();
        }
        return b.run(10, 1).solver(SolverKind.ROSENBROCK, 1e-6, 1e-9).record(List.of("ecs.*", "c0.*", "m0.*"))
                .build();
    }
}
