package org.ionflux.internal.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.scenario.LoadedScenario;

/**
 * The copy of the scenario a run keeps in its folder, so that {@code ionflux report} can echo it and explain its
 * initial state later: the file's own bytes ({@code scenario.yaml} or {@code scenario.json}, comments and all)
 * when they are what ran, or else (a scenario edited with {@code Scenario.with}, or built in code) the scenario as
 * compact JSON in {@code scenario.json}. Either way the copy's SHA-256 is the summary's {@code scenario_sha256}.
 *
 * @param fileName {@code scenario.yaml} or {@code scenario.json}
 * @param bytes    the content
 */
public record ScenarioCopy(String fileName, byte[] bytes) {

    /** Names a copy can have, YAML first. */
    public static final List<String> FILE_NAMES = List.of("scenario.yaml", "scenario.json");

    /** Copies the content. */
    public ScenarioCopy {
        bytes = bytes.clone();
    }

    /** @return a copy of the content */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * @return the copy of what ran, or null when there is nothing to copy (no file and no tree)
     * @throws IOException if the scenario file cannot be read again
     */
    public static ScenarioCopy of(LoadedScenario scenario) throws IOException {
        Path file = scenario.file();
        if (file != null && Files.isRegularFile(file)) {
            byte[] bytes = Files.readAllBytes(file);
            if (sha256(bytes).equals(scenario.sha256())) {
                boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
                return new ScenarioCopy(json ? "scenario.json" : "scenario.yaml", bytes);
            }
        }
        if (scenario.tree() != null) {
            return new ScenarioCopy("scenario.json", scenario.tree().json().getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** Writes the copy into {@code folder}. */
    public void write(Path folder) throws IOException {
        Files.write(folder.resolve(fileName), bytes);
    }

    /** @return the copy in {@code folder}, or null when it has none */
    public static Path find(Path folder) {
        for (String name : FILE_NAMES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** @return SHA-256 of {@code bytes}, lower-case hex */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
