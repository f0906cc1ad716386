package org.ionflux.internal.output.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an RGB image as PNG (ISO/IEC 15948: 8-bit truecolour, no interlace), with each row filtered by "Up"
 * (the difference to the row above, which is mostly zero in a plot) and deflated. Written here because ImageIO's
 * first use scans for plug-ins and costs a cold run about a tenth of a second per image.
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Deflate level: 6 is zlib's default, as ImageIO uses; plots compress to a few percent either way. */
    static final int LEVEL = 6;
    private static final int FILTER_UP = 2;

    private PngWriter() {
    }

    /** Writes {@code image} ({@link BufferedImage#TYPE_INT_RGB}) to {@code file} as PNG. */
    public static void write(BufferedImage image, Path file) throws IOException {
        Files.write(file, encode(image));
    }

    /** @return {@code image} ({@link BufferedImage#TYPE_INT_RGB}) as PNG bytes */
    public static byte[] encode(BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an RGB image, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        png.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour
        chunk(png, "IHDR", header, header.length);

        ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 * 1024);
        Deflater deflater = new Deflater(LEVEL);
        try (OutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 3 * width];
            row[0] = FILTER_UP;
            for (int y = 0; y < height; y++) {
                int at = y * width;
                int above = at - width;
                for (int x = 0, b = 1; x < width; x++, b += 3) {
                    int p = pixels[at + x];
                    int q = y == 0 ? 0 : pixels[above + x];
                    row[b] = (byte) ((p >> 16) - (q >> 16));
                    row[b + 1] = (byte) ((p >> 8) - (q >> 8));
                    row[b + 2] = (byte) (p - q);
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        byte[] data = compressed.toByteArray();
        chunk(png, "IDAT", data, data.length);
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] len = new byte[4];
        putInt(len, 0, length);
        out.write(len, 0, 4);
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(name, 0, 4);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
