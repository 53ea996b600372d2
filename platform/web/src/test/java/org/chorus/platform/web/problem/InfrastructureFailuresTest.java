package org.chorus.platform.web.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A database outage answers 503 and a retry is invited; a bug stays a 500 and is never disguised as an outage. */
class InfrastructureFailuresTest {

    @Test
    void anUnreachableDatabaseIsTransient() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:55432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        assertTrue(InfrastructureFailures.isTransient(refused));
        assertTrue(InfrastructureFailures.isTransient(storeWrapped(refused)));
        assertTrue(InfrastructureFailures.isTransient(new JDBCConnectionException("Unable to acquire JDBC Connection",
                refused)));
        assertTrue(InfrastructureFailures.isTransient(new UncheckedIOException(new ConnectException("refused"))));
    }

    @Test
    void aConnectionKilledUnderARunningStatementIsTransient() {
        assertTrue(InfrastructureFailures.isTransient(storeWrapped(new PSQLException(
                "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
                new IOException("Broken pipe")))));
        assertTrue(InfrastructureFailures.isTransient(storeWrapped(new PSQLException(
                "This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST))));
        for (String state : new String[] { "57P01", "57P02", "57P03", "53300", "40001", "40P01" }) {
            assertTrue(InfrastructureFailures.isTransient(storeWrapped(new SQLException("server says " + state,
                    state))), state);
        }
    }

    /** During a failover the old primary, now a standby, refuses writes: events must be retried, not dead-lettered. */
    @Test
    void aWriteRefusedByADemotedPrimaryIsTransient() {
        assertTrue(InfrastructureFailures.isTransient(storeWrapped(new SQLException(
                "cannot execute INSERT in a read-only transaction", "25006"))));
        assertFalse(InfrastructureFailures.isTransient(storeWrapped(new SQLException(
                "invalid transaction termination", "2D000"))), "not every state of class 25 or near it");
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsTransient() {
        SQLException acquisition = new SQLException("Acquisition timeout while waiting for new connection");
        assertTrue(InfrastructureFailures.isTransient(acquisition));
        assertTrue(InfrastructureFailures.isTransient(new PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection", acquisition))));
        assertTrue(InfrastructureFailures.isTransient(new SQLTransientConnectionException("pool exhausted")));
    }

    @Test
    void aCommitThatFailedIsTransient() {
        XAException commitFailed = new XAException(XAException.XA_RBCOMMFAIL);
        commitFailed.initCause(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE));
        RollbackException withCause = new RollbackException("ARJUNA016053: Could not commit transaction.");
        withCause.initCause(commitFailed);
        assertTrue(InfrastructureFailures.isTransient(new RuntimeException(withCause)));
        assertTrue(InfrastructureFailures.isTransient(new RollbackException("ARJUNA016053: Could not commit "
                + "transaction.")), "the transaction manager does not always say why");
        assertTrue(InfrastructureFailures.isTransient(new XAException(XAException.XAER_RMFAIL)));
    }

    @Test
    void anExportCutOffBeforeItsFirstBytesIsTransient() {
        // How the survey service's streamed export reports a failed COPY, from its own thread or its reader's.
        IOException interrupted = new IOException("Export interrupted: An I/O error occurred while sending to the "
                + "backend.", new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE));
        assertTrue(InfrastructureFailures.isTransient(interrupted));
        assertTrue(InfrastructureFailures.isTransient(new IOException("Export interrupted", interrupted)));
        assertFalse(InfrastructureFailures.isTransient(new IOException("The analyst went away after 1000 rows")));
    }

    @Test
    void anOutageFoundWhileCleaningUpAfterItStillCounts() {
        IllegalStateException failure = new IllegalStateException("Export interrupted");
        failure.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(InfrastructureFailures.isTransient(failure));
        SQLException batch = new SQLException("Batch entry 0 was aborted", "08006");
        assertTrue(InfrastructureFailures.isTransient(new SQLException("batch failed", null, batch)));
    }

    @Test
    void bugsAreNotTransient() {
        assertFalse(InfrastructureFailures.isTransient(new NullPointerException()));
        assertFalse(InfrastructureFailures.isTransient(new IllegalStateException("no survey", new RuntimeException())));
        assertFalse(InfrastructureFailures.isTransient(new UncheckedIOException("unreadable data", new IOException())));
        assertFalse(InfrastructureFailures.isTransient(new SQLGrammarException("bad query",
                new SQLException("column \"nope\" does not exist", "42703"))));
        assertFalse(InfrastructureFailures.isTransient(storeWrapped(new SQLException("Something without a state"))));
        assertFalse(InfrastructureFailures.isTransient(null));
    }

    @Test
    void aConstraintRefusedAtCommitIsABugNotAnOutage() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertFalse(InfrastructureFailures.isTransient(storeWrapped(duplicate)));
        assertFalse(InfrastructureFailures.isTransient(new ConstraintViolationException("duplicate", duplicate,
                "response_pkey")));
        XAException integrity = new XAException(XAException.XA_RBINTEGRITY);
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.initCause(integrity);
        assertFalse(InfrastructureFailures.isTransient(rolledBack));
        RollbackException becauseOfConstraint = new RollbackException("ARJUNA016053: Could not commit transaction.");
        becauseOfConstraint.initCause(duplicate);
        assertFalse(InfrastructureFailures.isTransient(becauseOfConstraint));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);
        assertFalse(InfrastructureFailures.isTransient(second));
    }

    /** How the services' stores report a failed statement: their own exception around the driver's. */
    private static RuntimeException storeWrapped(SQLException cause) {
        return new IllegalStateException("Response not stored: " + cause.getMessage(), cause);
    }
}
