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
import org.ionflux.internal.scenario.ScenarioReader;

/**
 * The copy of the scenario a run keeps in its folder, so that {@code ionflux report} can echo it and explain its
 * initial state later: the file's own bytes ({@code scenario.yaml} or {@code scenario.json}, comments and all)
 * when they are what ran, or else (a scenario edited with {@code Scenario.with}, or built in code) the scenario as
 * compact JSON in {@code scenario.json}. Either way the copy's SHA-256 is the summary's {@code scenario_sha256}.
 *
 * @param fileName     {@code scenario.yaml} or {@code scenario.json}
 * @param bytes        the content
 * @param initialState the content of the file the scenario's {@code initial_state} names, written as
 *                     {@value #INITIAL_STATE}; null when it names none
 */
public record ScenarioCopy(String fileName, byte[] bytes, byte[] initialState) {

    /** Names a copy can have, YAML first. */
    public static final List<String> FILE_NAMES = List.of("scenario.yaml", "scenario.json");

    /**
     * The copy of the file a run started from (the scenario's {@code initial_state}): its relative path would not
     * resolve from the copy of the scenario, so the folder keeps the file itself.
     */
    public static final String INITIAL_STATE = "initial_state.json";

    /** Copies the content. */
    public ScenarioCopy {
        bytes = bytes.clone();
        initialState = initialState == null ? null : initialState.clone();
    }

    /** A copy of a scenario that starts from its own initial values. */
    public ScenarioCopy(String fileName, byte[] bytes) {
        this(fileName, bytes, null);
    }

    /** @return a copy of the content of the file the run started from, or null */
    @Override
    public byte[] initialState() {
        return initialState == null ? null : initialState.clone();
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
        Path start = ScenarioReader.initialStateFile(scenario);
        byte[] initial = start != null && Files.isRegularFile(start) ? Files.readAllBytes(start) : null;
        Path file = scenario.file();
        if (file != null && Files.isRegularFile(file)) {
            byte[] bytes = Files.readAllBytes(file);
            if (sha256(bytes).equals(scenario.sha256())) {
                boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
                return new ScenarioCopy(json ? "scenario.json" : "scenario.yaml", bytes, initial);
            }
        }
        if (scenario.tree() != null) {
            return new ScenarioCopy("scenario.json", scenario.tree().json().getBytes(StandardCharsets.UTF_8),
                    initial);
        }
        return null;
    }

    /** Writes the copy, and the file the run started from if any, into {@code folder}. */
    public void write(Path folder) throws IOException {
        Files.write(folder.resolve(fileName), bytes);
        if (initialState != null) {
            Files.write(folder.resolve(INITIAL_STATE), initialState);
        }
    }

    /** @return the copy of the file the run in {@code folder} started from, or null when it has none */
    public static Path findInitialState(Path folder) {
        Path p = folder.resolve(INITIAL_STATE);
        return Files.isRegularFile(p) ? p : null;
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
