package org.ionflux.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.ScenarioException;
import org.ionflux.internal.scenario.ScenarioReader;

/** Reads a scenario for a command and reports bad input on the error writer. */
final class ScenarioLoading {

    private ScenarioLoading() {
    }

    /** @return the scenario (after printing its warnings, if any), or null after printing its problems */
    static LoadedScenario load(Path file, PrintWriter err) {
        try {
            LoadedScenario loaded = ScenarioReader.read(file);
            loaded.warnings().forEach(w -> err.println(w.format()));
            err.flush();
            return loaded;
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
