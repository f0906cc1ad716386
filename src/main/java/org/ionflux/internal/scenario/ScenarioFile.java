package org.ionflux.internal.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;

/**
 * A scenario file's bytes, read within the limits: the format chosen by the extension, at most
 * {@link #MAX_BYTES} bytes (even for a file that grows while it is read), and their SHA-256.
 */
final class ScenarioFile {

    /** Largest scenario file accepted, bytes. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final String name;
    private final boolean yaml;
    private final byte[] bytes;

    private ScenarioFile(String name, boolean yaml, byte[] bytes) {
        this.name = name;
        this.yaml = yaml;
        this.bytes = bytes;
    }

    /**
     * Reads the file at {@code path}; the format is chosen by its extension.
     *
     * @throws ScenarioException for a wrong extension, a folder, a missing, unreadable or too large file
     */
    static ScenarioFile read(Path path) throws ScenarioException {
        String name = path.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        if (!yaml && !lower.endsWith(".json")) {
            throw single(name, "the file name must end in .yaml, .yml or .json (that chooses the format)");
        }
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw single(name, "this is a folder, not a scenario file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw single(name, "the file is " + size + " bytes; scenario files are limited to " + MAX_BYTES
                        + " bytes");
            }
            try (InputStream in = Files.newInputStream(path)) {
                // bounded even if the file grows while it is read (a pipe, a device)
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw single(name, "the file is larger than the " + MAX_BYTES + " bytes allowed for scenario "
                        + "files");
            }
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (IOException e) {
            throw single(name, "cannot read the file: " + e.getMessage());
        }
        return new ScenarioFile(name, yaml, bytes);
    }

    /** @return the file as its user named it, for messages */
    String name() {
        return name;
    }

    /** @return SHA-256 of the file's bytes, hex */
    String sha256() {
        return sha256(bytes);
    }

    /** @return SHA-256 of {@code bytes}, hex */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** @return the document parsed (UTF-8; YAML or JSON by the extension), with its syntax problems */
    LocatedTree parse() {
        return LocatedTree.parse(new String(bytes, StandardCharsets.UTF_8), yaml, name);
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, "", 0, 0, message)));
    }
}
