package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG encoder: what ImageIO reads back is the image, pixel for pixel. */
class PngWriterTest {

    @Test
    void anImageReadsBackPixelForPixel() throws Exception {
        BufferedImage image = new BufferedImage(257, 93, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(4) == 0 ? random.nextInt(1 << 24) : 0xFFFFFF);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0072B2));
        g.drawLine(0, 0, 256, 92);
        g.dispose();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngWriter.encode(image)));
        assertThat(back.getWidth()).isEqualTo(257);
        assertThat(back.getHeight()).isEqualTo(93);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }
}
