package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.model.Model;

/**
 * A scenario file read and validated.
 *
 * @param model    the validated model
 * @param file     where it was read from
 * @param sha256   SHA-256 of the file's bytes, hex
 * @param warnings physical sanity warnings (not errors), e.g. a compartment that is not electroneutral
 * @param tree     the parsed file, to edit with {@link ParameterPath#with} and re-read with
 *                 {@link ScenarioReader#fromTree}; null for a model built in code
 */
public record LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings, LocatedTree tree) {

    /** Copies the warnings. */
    public LoadedScenario {
        warnings = List.copyOf(warnings);
    }

    /** A scenario without a parsed file (e.g. a model built in code). */
    public LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings) {
        this(model, file, sha256, warnings, null);
    }

    /** A scenario without warnings or a parsed file (e.g. a model built in code). */
    public LoadedScenario(Model model, Path file, String sha256) {
        this(model, file, sha256, List.of(), null);
    }
}
