package org.ionflux.internal.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands trace rows to another sink on a thread of its own, so that formatting and writing {@code trace.csv} is not
 * part of the integration (nor of {@code integration_wall_time_s}) and runs beside it on a second core. Rows are
 * copied into batches; at most {@link #QUEUED_BATCHES} batches wait, so memory stays bounded (the integration
 * waits when the disk is slower than it).
 *
 * <p>A failure of the wrapped sink (a full disk) stops the writing; the next {@link #row}, or {@link #drain}, throws
 * it as an {@link UncheckedIOException}, so that the run ends as failed with the rows written so far.</p>
 */
final class BackgroundTraceWriter implements TraceSink {

    /** Values per batch (rows x columns), at least one row. */
    static final int BATCH_VALUES = 8192;
    /** Batches that may wait for the writer. */
    static final int QUEUED_BATCHES = 4;

    /** Rows copied for the writer: {@code values[r * width + c]}, {@code rows} of them; a null array ends it. */
    private static final class Batch {
        final double[] values;
        int rows;

        Batch(double[] values) {
            this.values = values;
        }
    }

    private static final Batch END = new Batch(null);

    private final TraceSink target;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(QUEUED_BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
    private Thread thread;
    private volatile RuntimeException failure;
    private int width;
    private int batchRows;
    private Batch current;
    private boolean ended;

    /** @param target the sink that gets every row, on the writer thread */
    BackgroundTraceWriter(TraceSink target) {
        this.target = target;
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        target.begin(columns);
        width = Math.max(1, columns.size());
        batchRows = Math.max(1, BATCH_VALUES / width);
        for (int i = 0; i < QUEUED_BATCHES + 2; i++) {
            free.add(new Batch(new double[batchRows * width]));
        }
        thread = new Thread(this::write, "ionflux-trace-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void row(double[] row) {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        if (current == null) {
            current = take(free);
        }
        System.arraycopy(row, 0, current.values, current.rows * width, width);
        if (++current.rows == batchRows) {
            put(current);
            current = null;
        }
    }

    /**
     * Waits until every row given so far is with the wrapped sink, and ends the writer thread.
     *
     * @throws UncheckedIOException (or another runtime exception) if the wrapped sink failed
     */
    void drain() {
        if (thread != null && !ended) {
            ended = true;
            if (current != null && current.rows > 0) {
                put(current);
            }
            current = null;
            put(END);
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** @return true once {@link #drain} has ended the writer thread */
    boolean drained() {
        return ended;
    }

    private void write() {
        while (true) {
            Batch batch = take(full);
            if (batch == END) {
                return;
            }
            if (failure == null) {
                try {
                    double[] row = new double[width];
                    for (int r = 0; r < batch.rows; r++) {
                        System.arraycopy(batch.values, r * width, row, 0, width);
                        target.row(row);
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    failure = new IllegalStateException("the trace writer failed: " + e, e);
                }
            }
            batch.rows = 0;
            free.add(batch);
        }
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Batch batch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    full.put(batch);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** For a failure while closing the wrapped file: an {@link IOException} as the caller expects. */
    static IOException asIoException(RuntimeException e) {
        return e instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getMessage(), e);
    }
}
