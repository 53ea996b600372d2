package org.chorus.survey.export;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and decodes rows on a second thread while the caller formats and sends the previous ones. Without it the
 * database waits while rows are formatted and formatting waits on each fetch; the small bounded queue keeps memory
 * flat all the same.
 *
 * @param <T> what a row is decoded into
 */
final class RowPipe<T> implements AutoCloseable {

    private static final int CAPACITY = 1024;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile boolean cancelled;

    RowPipe(RowSource<T> rows) {
        reader = new Thread(() -> fill(rows), "export-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the next row, or null after the last */
    @SuppressWarnings("unchecked")
    T next() throws IOException {
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
        return (T) next;
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

    private void fill(RowSource<T> rows) {
        try {
            for (T row = rows.next(); !cancelled && row != null; row = rows.next()) {
                put(row);
            }
            put(END);
        } catch (SQLException | IOException | RuntimeException e) {
            put(e);
        }
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
