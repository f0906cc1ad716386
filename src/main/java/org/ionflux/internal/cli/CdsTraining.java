package org.ionflux.internal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the class-data sharing archive that {@code mvn package} makes for {@code bin/ionflux}
 * (docs/commands.md, benchmarks/README.md): every command on a few scenarios in one JVM, so that the classes a
 * command loads are listed ({@code -XX:DumpLoadedClassList}) and then archived ({@code -Xshare:dump}). Its outputs
 * are thrown away; it always exits 0, so that a failed training only makes the archive smaller, never the build fail.
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=FILE -cp ionflux.jar org.ionflux.internal.cli.CdsTraining OUT_DIR
 * SCENARIO...}</p>
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /**
     * Runs {@code validate}, {@code explain} and {@code run --report} on every scenario, outputs under {@code args[0]}.
     *
     * @param args the output folder, then scenario files
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[0]);
        List<String> scenarios = List.of(args).subList(1, args.length);
        List<String[]> commands = new ArrayList<>();
        List<String> validate = new ArrayList<>(List.of("validate"));
        validate.addAll(scenarios);
        commands.add(validate.toArray(new String[0]));
        for (String scenario : scenarios) {
            String name = Path.of(scenario).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            commands.add(new String[] {"explain", scenario});
            commands.add(new String[] {"run", scenario, "--out", out.resolve(name).toString(), "--report"});
        }
        for (String[] command : commands) {
            StringWriter text = new StringWriter();
            int code = Main.execute(command, new PrintWriter(text), new PrintWriter(text));
            if (code != 0) {
                System.out.println("cds training: ionflux " + String.join(" ", command) + " -> exit " + code);
            }
        }
        System.exit(0);
    }
}
