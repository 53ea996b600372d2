package org.chorus.platform.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database unreachable, a deadlock) from a failure of the event itself.
 * Only the latter is parked as a dead letter; for the former the consumer stops and retries the same events later,
 * so that an outage never turns good events into dead letters.
 */
final class TransientFailures {

    /** PostgreSQL SQLSTATE classes and codes that say "try again later", not "this event is wrong". */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal reports an exhausted or unreachable pool without a SQLSTATE.
            return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
        }
        return TRANSIENT_CODES.contains(state) || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
    }
}
