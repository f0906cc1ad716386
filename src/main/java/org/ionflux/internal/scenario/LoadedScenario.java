package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
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
 * @param check    the file's {@code check:} section (the tolerances of {@code ionflux check}; {@code run} ignores
 *                 it), or {@link CheckSection#NONE}
 */
public record LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings, LocatedTree tree,
                             CheckSection check) {

    /** Copies the warnings. */
    public LoadedScenario {
        warnings = List.copyOf(warnings);
        check = check == null ? CheckSection.NONE : check;
    }

    /** A scenario without a {@code check:} section. */
    public LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings, LocatedTree tree) {
        this(model, file, sha256, warnings, tree, CheckSection.NONE);
    }

    /** A scenario without a parsed file (e.g. a model built in code). */
    public LoadedScenario(Model model, Path file, String sha256, List<Problem> warnings) {
        this(model, file, sha256, warnings, null, CheckSection.NONE);
    }

    /** A scenario without warnings or a parsed file (e.g. a model built in code). */
    public LoadedScenario(Model model, Path file, String sha256) {
        this(model, file, sha256, List.of(), null, CheckSection.NONE);
    }

    /**
     * @param path  a parameter path ({@code membranes.plasma.channels[0].permeability}, see {@link ParameterPath})
     * @param value a number in the field's default unit, or {@code "<number> <unit>"}
     * @return this scenario with that parameter changed, validated again as a whole; it keeps the file it came
     *     from (relative paths in it are resolved from there) and is identified by the SHA-256 of its tree
     * @throws ScenarioException naming the path when it is unknown, points to a missing item or the value is out of
     *     bounds
     * @throws IllegalStateException when the scenario has no tree (an internal model built without one)
     */
    public LoadedScenario with(String path, String value) throws ScenarioException {
        LocatedTree edited = ParameterPath.with(requireTree(), path, value);
        return ScenarioReader.fromTree(edited, file, edited.sha256());
    }

    /** As {@link #with(String, String)}, with a number in the field's default unit. */
    public LoadedScenario with(String path, double value) throws ScenarioException {
        LocatedTree edited = ParameterPath.with(requireTree(), path, value);
        return ScenarioReader.fromTree(edited, file, edited.sha256());
    }

    private LocatedTree requireTree() {
        if (tree == null) {
            throw new IllegalStateException("this scenario was built from an internal model, not from a scenario "
                    + "tree: it cannot be edited by path");
        }
        return tree;
    }
}
