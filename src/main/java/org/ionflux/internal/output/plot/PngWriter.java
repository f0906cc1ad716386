package org.ionflux.internal.output.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an image as PNG. */
public final class PngWriter {

    private PngWriter() {
    }

    /** Writes {@code image} to {@code file} as PNG. */
    public static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}
