package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.steady.Steady;
import org.ionflux.internal.steady.SteadyResult;
import org.ionflux.internal.steady.SteadyText;
import org.ionflux.internal.workflow.SteadyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ionflux steady SCENARIO [--out DIR] [--at T]} (docs/commands.md): exit 0 for {@code steady}, 1 for
 * {@code no_steady_state} and {@code not_converged} (steady.json is written either way), 2 for bad input.
 */
@Command(name = "steady", mixinStandardHelpOptions = true,
        description = "Solve for the steady state directly; write steady.json into DIR and print it.")
final class SteadyCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    private Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default results/steady/<name>/)")
    private Path out;

    @Option(names = "--at", paramLabel = "T", description = "use the parameters in force at time T, s (default 0)")
    private double atS;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LoadedScenario loaded = ScenarioLoading.load(scenario, err);
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        double duration = loaded.model().settings().durationS();
        if (!(atS >= 0) || atS > duration) {
            err.printf("--at: the time must be between 0 and the scenario's duration (%s s), found %s s%n",
                    duration, atS);
            return Main.BAD_INPUT;
        }
        Path dir = out != null ? out : Path.of("results", "steady", loaded.model().name());
        try {
            SteadyJob.folder(dir);
        } catch (OutputFolderException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println(loaded.model().name() + ": cannot use the output folder: " + e.getMessage());
            return Main.ENGINE_FAILURE;
        }
        SteadyResult result = Steady.solve(loaded.model(), atS);
        Path written;
        try {
            written = SteadyJob.write(result, loaded.sha256(), dir);
        } catch (OutputFolderException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println(loaded.model().name() + ": cannot write steady.json: " + e.getMessage());
            return Main.ENGINE_FAILURE;
        }
        stdout.print(SteadyText.table(result));
        stdout.println();
        stdout.println("steady.json is in " + written);
        stdout.flush();
        if (!result.isSteady()) {
            err.println(loaded.model().name() + ": " + result.status() + ": " + result.message());
            err.flush();
            return Main.ENGINE_FAILURE;
        }
        return Main.OK;
    }
}
