package org.ionflux.internal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.workflow.SteadyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux explain SCENARIO}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show, for each membrane and ion, which way the ion goes at the start and why, and where it "
                + "settles.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    private Path scenario;

    @Override
    public Integer call() {
        LoadedScenario loaded = ScenarioLoading.load(scenario, spec.commandLine().getErr());
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().print(SteadyJob.explain(loaded.model()));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
