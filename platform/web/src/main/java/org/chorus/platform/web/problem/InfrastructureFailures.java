package org.chorus.platform.web.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;

/**
 * Tells a failure of the infrastructure (the database unreachable, restarting, overloaded or deadlocked) from a bug,
 * so that callers hear "try again shortly" (503) for the former and only the latter is a 500. It reads the whole chain
 * of causes and suppressed exceptions, because JDBC, Agroal, Hibernate, Narayana and the services' own stores each
 * wrap the driver's exception in their own.
 */
public final class InfrastructureFailures {

    /** PostgreSQL SQLSTATE classes that say "try again later": connection, resources, operator intervention. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    /**
     * Serialization failure and deadlock: the transaction was rolled back and a retry will normally succeed. A write
     * refused as read-only (25006) comes from a primary demoted in a failover, or a standby, until the connection is
     * replaced: the write is sound and a retry against the new primary succeeds.
     */
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "25006");
    /** What Agroal says, without a SQLSTATE, when no connection could be had in time. */
    private static final String ACQUISITION_TIMEOUT = "Acquisition timeout";

    private InfrastructureFailures() {
    }

    /** What one exception in a chain says about the failure as a whole. */
    private enum Verdict {
        /** The infrastructure failed: the whole failure is transient. */
        TRANSIENT,
        /** The database refused the statement itself (a constraint, a syntax error): a bug, whatever wraps it. */
        GENUINE,
        /** A transaction that could not commit: transient unless something in the chain says otherwise. */
        COMMIT_FAILED,
        /** This exception says nothing either way; its causes may. */
        SILENT
    }

    /** @return whether {@code failure} was caused by the infrastructure and a retry shortly after may succeed */
    public static boolean isTransient(Throwable failure) {
        boolean commitFailed = false;
        for (Throwable each : chainOf(failure)) {
            switch (verdictOn(each)) {
                case TRANSIENT -> {
                    return true;
                }
                case GENUINE -> {
                    return false;
                }
                case COMMIT_FAILED -> commitFailed = true;
                case SILENT -> {
                    // read on
                }
            }
        }
        return commitFailed;
    }

    private static Verdict verdictOn(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return verdictOn(sql);
        }
        if (failure instanceof ConnectException) {
            return Verdict.TRANSIENT;
        }
        if (failure instanceof XAException xa) {
            return verdictOn(xa);
        }
        if (failure instanceof RollbackException || failure instanceof HeuristicMixedException
                || failure instanceof HeuristicRollbackException || failure instanceof SystemException) {
            return Verdict.COMMIT_FAILED;
        }
        return Verdict.SILENT;
    }

    private static Verdict verdictOn(SQLException sql) {
        if (sql instanceof SQLTransientException) {
            return Verdict.TRANSIENT;
        }
        String state = sql.getSQLState();
        if (state == null) {
            return sql.getMessage() != null && sql.getMessage().contains(ACQUISITION_TIMEOUT)
                    ? Verdict.TRANSIENT
                    : Verdict.SILENT;
        }
        boolean transientState = TRANSIENT_CODES.contains(state)
                || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
        return transientState ? Verdict.TRANSIENT : Verdict.GENUINE;
    }

    /** The resource manager failed or rolled back for a passing reason; an integrity violation is not one. */
    private static Verdict verdictOn(XAException xa) {
        return switch (xa.errorCode) {
            case XAException.XAER_RMFAIL, XAException.XA_RBCOMMFAIL,
                    XAException.XA_RBDEADLOCK, XAException.XA_RBTIMEOUT, XAException.XA_RBTRANSIENT ->
                    Verdict.TRANSIENT;
            case XAException.XA_RBINTEGRITY, XAException.XA_RBPROTO -> Verdict.GENUINE;
            default -> Verdict.SILENT;
        };
    }

    /** Every exception reachable through causes and suppressed exceptions, nearest first, each once. */
    private static Iterable<Throwable> chainOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> waiting = new ArrayDeque<>();
        Deque<Throwable> chain = new ArrayDeque<>();
        if (failure != null) {
            waiting.add(failure);
        }
        while (!waiting.isEmpty()) {
            Throwable next = waiting.poll();
            if (!seen.add(next)) {
                continue;
            }
            chain.add(next);
            if (next.getCause() != null) {
                waiting.add(next.getCause());
            }
            Collections.addAll(waiting, next.getSuppressed());
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                waiting.add(sql.getNextException());
            }
        }
        return chain;
    }
}
