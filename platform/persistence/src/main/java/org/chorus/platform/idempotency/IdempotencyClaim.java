package org.chorus.platform.idempotency;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The idempotency record that a single-statement write stores beside its change (see
 * {@link IdempotentRequests#executeInOneStatement}): the two commit together or not at all, and a second request with
 * the same key fails on the record's primary key, undoing its whole statement, instead of storing its change twice.
 *
 * @param <T> the result a retry gets again
 */
public final class IdempotencyClaim<T> {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String RECORD_KEY = "idempotency_record_pkey";
    private static final IdempotencyClaim<?> NONE = new IdempotencyClaim<>(null, null, null, null, null);

    private final String caller;
    private final String key;
    private final String operation;
    private final String requestHash;
    private final Function<T, byte[]> storedForReplay;

    IdempotencyClaim(String caller, String key, String operation, String requestHash,
            Function<T, byte[]> storedForReplay) {
        this.caller = caller;
        this.key = key;
        this.operation = operation;
        this.requestHash = requestHash;
        this.storedForReplay = storedForReplay;
    }

    /** A request sent without a key: nothing to remember. */
    @SuppressWarnings("unchecked")
    static <T> IdempotencyClaim<T> none() {
        return (IdempotencyClaim<T>) NONE;
    }

    /**
     * The common table expression, beginning with its comma, that stores the record once for the row of
     * {@code created}: nothing when the write creates nothing, and nothing at all for a request without a key. Five
     * parameters, or none, bound by {@link #bind}.
     */
    public String rememberedWith(String created) {
        return key == null ? "" : ", remembered AS (INSERT INTO idempotency_record "
                + "(caller, idempotency_key, operation, request_hash, result) SELECT ?, ?, ?, ?, ? FROM " + created + ")";
    }

    /** Binds {@link #rememberedWith}'s parameters from {@code first} on; returns the index after them. */
    public int bind(PreparedStatement statement, int first, T result) throws SQLException {
        if (key == null) {
            return first;
        }
        statement.setString(first, caller);
        statement.setString(first + 1, key);
        statement.setString(first + 2, operation);
        statement.setString(first + 3, requestHash);
        statement.setBytes(first + 4, storedForReplay.apply(result));
        return first + 5;
    }

    /**
     * @throws KeyTaken when {@code failure} is the statement meeting a record of this key that another request stored:
     *         the statement then stored nothing, and the stored record answers instead
     */
    public void rethrowIfTaken(SQLException failure) {
        String message = failure.getMessage();
        if (key != null && UNIQUE_VIOLATION.equals(failure.getSQLState()) && message != null
                && message.contains(RECORD_KEY)) {
            throw new KeyTaken();
        }
    }

    /** Another request with the same key stored its change first. */
    static final class KeyTaken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super("Idempotency-Key already used", null, false, false);
        }
    }
}
