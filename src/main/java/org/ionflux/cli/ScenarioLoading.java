package org.ionflux.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ionflux.scenario.LoadedScenario;
import org.ionflux.scenario.ScenarioException;
import org.ionflux.scenario.ScenarioReader;

/** Reads a scenario for a command and reports bad input on the error writer. */
final class ScenarioLoading {

    private ScenarioLoading() {
    }

    /** @return the scenario, or null after printing its problems */
    static LoadedScenario load(Path file, PrintWriter err) {
        try {
            return ScenarioReader.read(file);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
