package org.ionflux.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ionflux.internal.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux validate SCENARIO...}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files and report every problem; exit 0 only if all are valid.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "scenario files")
    private List<Path> scenarios;

    @Override
    public Integer call() {
        int code = Main.OK;
        for (Path file : scenarios) {
            LoadedScenario loaded = ScenarioLoading.load(file, spec.commandLine().getErr());
            if (loaded == null) {
                code = Main.BAD_INPUT;
            } else {
                spec.commandLine().getOut().println(file + ": valid");
            }
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
