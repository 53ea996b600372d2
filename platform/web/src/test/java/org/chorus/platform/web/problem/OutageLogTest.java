package org.chorus.platform.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** An operator reads one line when a job loses its database and one when it has it back, not one a second. */
class OutageLogTest {

    private static final String LOGGER = "org.chorus.test.outage-log";
    private static final Runnable DATABASE_DOWN = () -> {
        throw new JDBCConnectionException("Unable to acquire JDBC Connection", new PSQLException(
                "Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused")));
    };

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final OutageLog outage = new OutageLog(Logger.getLogger(LOGGER), "close overdue surveys");

    @BeforeEach
    void listen() {
        java.util.logging.Logger.getLogger(LOGGER).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        java.util.logging.Logger.getLogger(LOGGER).removeHandler(capture);
    }

    @Test
    void anOutageIsToldOnceWhenItBeginsAndOnceWhenItEnds() {
        int[] rounds = new int[1];
        Runnable works = () -> rounds[0]++;

        outage.run(works);
        for (int run = 0; run < 5; run++) {
            outage.run(DATABASE_DOWN);
        }
        outage.run(works);
        outage.run(works);
        outage.run(DATABASE_DOWN);

        assertEquals(3, rounds[0], "every round that could run ran");
        assertEquals(List.of(
                "Cannot close overdue surveys while the database is unavailable; trying at every run: "
                        + "Unable to acquire JDBC Connection",
                "Able to close overdue surveys again",
                "Cannot close overdue surveys while the database is unavailable; trying at every run: "
                        + "Unable to acquire JDBC Connection"),
                records.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void aFailureThatIsNotAnOutageIsABugAndPropagates() {
        ConstraintViolationException bug = new ConstraintViolationException("duplicate key",
                new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION), "survey_pkey");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> outage.run(() -> {
            throw bug;
        }));

        assertSame(bug, thrown);
        assertEquals(List.of(), records, "a bug is the scheduler's to report, with its stack trace");
    }
}
