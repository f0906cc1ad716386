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
 * @param check    the file's {@code check:} section (the tolerances of {@code ionflux check}; {@code run} ignores
 *                 it), or {@link CheckSection#NONE}
 */
public record LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings, CheckSection check) {

    /** Copies the warnings. */
    public LoadedScenario {
        warnings = List.copyOf(warnings);
        check = check == null ? CheckSection.NONE : check;
    }

    /** A scenario without a {@code check:} section. */
    public LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings) {
        this(model, file, sha256, warnings, CheckSection.NONE);
    }

    /** A scenario without warnings (e.g. a model built in code). */
    public LoadedScenario(Model model, Path file, String sha256) {
        this(model, file, sha256, List.of(), CheckSection.NONE);
    }
}
