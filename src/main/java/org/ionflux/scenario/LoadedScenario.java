package org.ionflux.scenario;

import java.nio.file.Path;
import org.ionflux.model.Model;

/**
 * A scenario file read and validated.
 *
 * @param model  the validated model
 * @param file   where it was read from
 * @param sha256 SHA-256 of the file's bytes, hex
 */
public record LoadedScenario(Model model, Path file, String sha256) {
}
