package org.chorus.survey.export;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and decodes rows on a second thread while the caller formats and sends the previous ones. Without it the
 * database waits while rows are formatted and formatting waits on each fetch; the small bounded queue keeps memory
 * flat all the same. Rows cross in batches: handed over one by one, the faster side waited for the slower on nearly
 * every row, and on a busy machine each of those million wake-ups waited its turn for a processor.
 *
 * @param <T> what a row is decoded into
 */
final class RowPipe<T> implements AutoCloseable {

    static final int BATCH = 128;
    private static final int CAPACITY = 8;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile boolean cancelled;
    /** The batch the caller is taking rows from, and where it is in it. */
    private List<T> taking = List.of();
    private int taken;
    private boolean ended;

    RowPipe(RowSource<T> rows) {
        reader = new Thread(() -> fill(rows), "export-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the next row, or null after the last */
    T next() throws IOException {
        if (taken == taking.size()) {
            List<T> batch = ended ? null : nextBatch();
            if (batch == null) {
                ended = true;
                return null;
            }
            taking = batch;
            taken = 0;
        }
        return taking.get(taken++);
    }

    /** @return the next batch, never empty, or null after the last */
    @SuppressWarnings("unchecked")
    private List<T> nextBatch() throws IOException {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Export interrupted", e);
        }
        if (next == END) {
            return null;
        }
        if (next instanceof Exception failure) {
            throw new IOException("Export interrupted: " + failure.getMessage(), failure);
        }
        return (List<T>) next;
    }

    /** Stops the reader (the caller may have gone away) and waits for it, so that it is done with the connection. */
    @Override
    public void close() {
        cancelled = true;
        try {
            reader.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every row read goes out before the end or the failure that follows it. */
    private void fill(RowSource<T> rows) {
        List<T> batch = new ArrayList<>(BATCH);
        Object last = END;
        try {
            for (T row = rows.next(); !cancelled && row != null; row = rows.next()) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            last = e;
        }
        if (!batch.isEmpty()) {
            put(batch);
        }
        put(last);
    }

    private void put(Object item) {
        try {
            while (!cancelled && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the writer is slower (a slow client); wait, unless it gave up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where rows come from, one at a time. */
    @FunctionalInterface
    interface RowSource<T> {
        /** @return the next row, or null after the last */
        T next() throws SQLException, IOException;
    }
}
