package org.ionflux.internal.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The time to equilibrium of one column, fed row by row as a run streams: exactly {@link EquilibriumTimes}'s
 * number (the first output time after which the column stays within {@code max(1e-6 |final|, 10 atol)} of its final
 * value), without the trace file. The final value is known only at the end, so the rows' times and values are kept:
 * in memory up to {@link #ROWS_IN_MEMORY} rows, then in a temporary file, so memory stays bounded however long the
 * run.
 */
public final class SettlingTime implements Closeable {

    /** Rows kept in memory before they go to a temporary file (16 bytes each). */
    static final int ROWS_IN_MEMORY = 8192;
    /** Rows the buffer holds at first; it doubles up to {@link #ROWS_IN_MEMORY} (a short run allocates little). */
    static final int FIRST_ROWS = 256;

    private final double atol;
    private double[] buffer = new double[2 * FIRST_ROWS];
    private int buffered;
    private long rows;
    private double last = Double.NaN;
    private Path spill;
    private DataOutputStream spillOut;

    /** @param atol the run's absolute tolerance, in output units */
    public SettlingTime(double atol) {
        this.atol = atol;
    }

    /**
     * Adds the next row.
     *
     * @param timeS the row's time, s
     * @param value the column's value, output unit
     */
    public void add(double timeS, double value) {
        if (2 * buffered == buffer.length) {
            if (buffered < ROWS_IN_MEMORY) {
                buffer = java.util.Arrays.copyOf(buffer, 2 * Math.min(ROWS_IN_MEMORY, 2 * buffered));
            } else {
                spill();
            }
        }
        buffer[2 * buffered] = timeS;
        buffer[2 * buffered + 1] = value;
        buffered++;
        rows++;
        last = value;
    }

    private void spill() {
        try {
            if (spillOut == null) {
                spill = Files.createTempFile("ionflux-settling-", ".bin");
                spillOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
            }
            for (int i = 0; i < 2 * buffered; i++) {
                spillOut.writeDouble(buffer[i]);
            }
            buffered = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the rows of a long run for its time to equilibrium", e);
        }
    }

    /**
     * @return the time to equilibrium, s; NaN when there is no row or the final value is not finite (where
     *     {@code summary.json} writes null)
     */
    public double timeS() {
        if (rows == 0 || !Double.isFinite(last)) {
            return Double.NaN;
        }
        double band = Math.max(EquilibriumTimes.RELATIVE_BAND * Math.abs(last), EquilibriumTimes.ATOL_MULTIPLE * atol);
        double[] state = {Double.NaN, 1.0}; // settled time; 1 while the previous row is outside the band
        if (spillOut != null) {
            try {
                spillOut.flush();
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill),
                        1 << 16))) {
                    while (true) {
                        double t;
                        try {
                            t = in.readDouble();
                        } catch (EOFException end) {
                            break;
                        }
                        step(state, t, in.readDouble(), band);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back the rows of a long run", e);
            }
        }
        for (int i = 0; i < buffered; i++) {
            step(state, buffer[2 * i], buffer[2 * i + 1], band);
        }
        return state[0];
    }

    /** One row of {@link EquilibriumTimes#compute}'s loop. */
    private void step(double[] state, double t, double value, double band) {
        boolean within = Math.abs(value - last) <= band;
        if (within && state[1] != 0) {
            state[0] = t;
        }
        state[1] = within ? 0 : 1;
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        try {
            if (spillOut != null) {
                spillOut.close();
            }
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        } catch (IOException e) {
            // a temporary file that cannot be deleted is left to the system's cleaning
        } finally {
            spillOut = null;
            spill = null;
        }
    }
}
