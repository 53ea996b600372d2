package org.chorus.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a class logs while a test provokes it, kept for the test to check and off the build's console, where an
 * expected error's stack trace would read as a failure. Close it to give the logger back.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    /** Captures what {@code owner}'s logger (named after the class, as JBoss Logging names it) logs from now on. */
    public static CapturedLog of(Class<?> owner) {
        return new CapturedLog(Logger.getLogger(owner.getName()));
    }

    /** The records so far, in the order they were logged. */
    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // kept in memory: nothing to flush
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
    }
}
