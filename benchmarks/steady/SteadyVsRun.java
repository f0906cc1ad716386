import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ionflux.Ionflux;
import org.ionflux.Result;
import org.ionflux.Scenario;
import org.ionflux.SteadyState;

/**
 * {@code steady} against a run to {@code stop_at_steady_state} (issue 10's benchmark), warm, in one JVM, through the
 * public API. From the top folder, after {@code mvn -B -q -DskipTests package}:
 *
 * <pre>
 * java -cp target/ionflux.jar benchmarks/steady/SteadyVsRun.java cell 6000 301
 * java -cp target/ionflux.jar benchmarks/steady/SteadyVsRun.java 1000 15 11
 * </pre>
 *
 * The first argument is {@code cell} (benchmarks/scenarios/pump-leak-3600.yaml) or a number N of such cells around
 * one extracellular space (the scaling model of benchmarks/README.md, written here as a scenario file); then the
 * warm-up and measured repetitions (fewer warm-ups than these leave {@code steady} partly interpreted). Both
 * scenarios run 36000 s with {@code stop_at_steady_state: true}, rosenbrock, rtol 1e-6, atol 1e-9. It prints the
 * medians of the wall time and of the thread's CPU time (on a loaded machine the wall time includes waiting).
 */
public class SteadyVsRun {

    public static void main(String[] args) throws Exception {
        String text = args[0].equals("cell")
                ? Files.readString(Path.of("benchmarks/scenarios/pump-leak-3600.yaml"))
                        .replace("duration: 3600 s", "duration: 36000 s\n  stop_at_steady_state: true")
                : cells(Integer.parseInt(args[0]));
        Path file = Files.createTempFile("steady-vs-run", ".yaml");
        Files.writeString(file, text);
        Scenario s = Ionflux.load(file);
        Files.delete(file);
        int warm = Integer.parseInt(args[1]);
        int repeat = Integer.parseInt(args[2]);
        SteadyState steady = null;
        Result run = null;
        for (int i = 0; i < warm; i++) {
            steady = s.steady();
            run = s.run();
        }
        double[] ts = new double[repeat];
        double[] tr = new double[repeat];
        double[] cs = new double[repeat];
        double[] cr = new double[repeat];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repeat; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            steady = s.steady();
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            run = s.run();
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            ts[i] = (t1 - t0) * 1e-9;
            tr[i] = (t2 - t1) * 1e-9;
            cs[i] = (c1 - c0) * 1e-9;
            cr[i] = (c2 - c1) * 1e-9;
        }
        Arrays.sort(ts);
        Arrays.sort(tr);
        Arrays.sort(cs);
        Arrays.sort(cr);
        System.out.printf("%s: steady: %s, %s, %d iterations, residual %.3g /s; median %.4g s (best %.4g s)%n",
                s.name(), steady.status(), steady.method(), steady.iterations(), steady.residual(), ts[repeat / 2],
                ts[0]);
        System.out.printf("%s: run: %s, %d steps; median %.4g s (best %.4g s); run / steady = %.1f%n", s.name(),
                run.status(), run.steps(), tr[repeat / 2], tr[0], tr[repeat / 2] / ts[repeat / 2]);
        // the thread's CPU time: what the machine's other load does not lengthen
        System.out.printf("%s: CPU time of this thread: steady median %.4g s, run median %.4g s; run / steady = %.1f%n",
                s.name(), cs[repeat / 2], cr[repeat / 2], cr[repeat / 2] / cs[repeat / 2]);
        System.out.println("slowest time constant: " + steady.timeConstants().get(0));
    }

    /** N pump-leak cells c0.. around one space of N x 0.2 pL, open to a clamped bath (benchmarks' Models). */
    static String cells(int n) {
        StringBuilder b = new StringBuilder();
        b.append("name: cells-").append(n).append('\n');
        b.append("temperature: 37 degC\n");
        b.append("ions: {Na: {charge: 1}, K: {charge: 1}, Cl: {charge: -1}, X: {charge: -0.85}, Y: {charge: -1}}\n");
        b.append("compartments:\n");
        b.append("  ecs: {volume: ").append(n * 0.2).append(" pL, concentrations: {Na: 145 mM, K: 3.5 mM, "
                + "Cl: 115 mM, Y: 33.5 mM}}\n");
        b.append("  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 145 mM, K: 3.5 mM, Cl: 115 mM, "
                + "Y: 33.5 mM}}\n");
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < n; i++) {
            double shift = 10 * ((i * golden) % 1.0) - 5;
            b.append("  c").append(i).append(": {volume: 1 pL, concentrations: {Na: ").append(20 + shift)
                    .append(" mM, K: ").append(120 - shift).append(" mM, Cl: 10 mM, X: 152.941176 mM}}\n");
        }
        b.append("membranes:\n");
        b.append("  wall: {inside: ecs, outside: bath, area: ").append(n * 2000L).append(" um^2, potential: "
                + "{mode: clamp, value: 0 mV}, water_permeability: 2e-3 cm/s,\n    channels: [{ion: Na, "
                + "permeability: 1e-4 cm/s}, {ion: K, permeability: 1e-4 cm/s}, {ion: Cl, permeability: "
                + "1e-4 cm/s}]}\n");
        for (int i = 0; i < n; i++) {
            b.append("  m").append(i).append(": {inside: c").append(i).append(", outside: ecs, area: 2000 um^2, "
                    + "potential: {mode: dynamic, initial: -60 mV}, water_permeability: 2e-3 cm/s,\n    channels: "
                    + "[{ion: Na, permeability: 4e-7 cm/s}, {ion: K, permeability: 6.4e-6 cm/s}, {ion: Cl, "
                    + "permeability: 4e-6 cm/s}],\n    pumps: [{type: na-k-atpase, max_current: 5.2 uA/cm^2, "
                    + "km_na: 0 mM, km_k: 0 mM}]}\n");
        }
        b.append("simulation: {duration: 36000 s, output_interval: 10 s, solver: rosenbrock, rtol: 1e-6, "
                + "atol: 1e-9, record: [\"ecs.*\", \"c0.*\", \"m0.V_mV\"], stop_at_steady_state: true}\n");
        return b.toString();
    }
}
