package org.chorus.platform.idempotency;

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
     * The insert that stores, inside a single-statement write, the record of each row of the common table expression
     * {@code created} (its {@code id} is what the write created) that came from a request with a key: the row of
     * {@code input} with the same {@code id} holds the {@link Remembered} in its columns {@code caller},
     * {@code idempotency_key} (null without a key), {@code operation}, {@code request_hash} and {@code result}.
     * Nothing is stored for a row the write did not create.
     */
    public static String rememberedFor(String created, String input) {
        return "INSERT INTO idempotency_record (caller, idempotency_key, operation, request_hash, result) "
                + "SELECT caller, idempotency_key, operation, request_hash, result FROM " + created + " JOIN " + input
                + " USING (id) WHERE idempotency_key IS NOT NULL";
    }

    /** The record of this request with {@code result}, or null for a request without a key. */
    public Remembered remembered(T result) {
        return key == null ? null : new Remembered(caller, key, operation, requestHash, storedForReplay.apply(result));
    }

    /**
     * @throws KeyTaken when {@code failure} is the statement meeting a record of this key that another request stored:
     *         the statement then stored nothing, and the stored record answers instead
     */
    public void rethrowIfTaken(SQLException failure) {
        if (key != null && isTaken(failure)) {
            throw new KeyTaken();
        }
    }

    /** Whether {@code failure} is a write meeting an idempotency record that another request stored first. */
    public static boolean isTaken(SQLException failure) {
        String message = failure.getMessage();
        return UNIQUE_VIOLATION.equals(failure.getSQLState()) && message != null && message.contains(RECORD_KEY);
    }

    /** An idempotency record as {@link #rememberedFor} stores it. */
    public record Remembered(String caller, String key, String operation, String requestHash, byte[] result) {
    }

    /** Another request with the same key stored its change first. */
    static final class KeyTaken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super("Idempotency-Key already used", null, false, false);
        }
    }
}
