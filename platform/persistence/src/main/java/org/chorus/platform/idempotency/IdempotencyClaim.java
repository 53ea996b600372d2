package org.chorus.platform.idempotency;

import java.util.function.Function;

/**
 * The idempotency record that a single-statement write stores beside its change (see
 * {@link IdempotentRequests#executeInOneStatement}): the two commit together or not at all. The record is claimed
 * first, skipping a key another request stored (waiting for it if it is still being stored), and only a row whose
 * record was claimed is changed. So a retry changes nothing and fails nothing: failing on the record's primary key
 * undid every other request of the statement and wrote an ERROR line in PostgreSQL's log for each retry.
 *
 * @param <T> the result a retry gets again
 */
public final class IdempotencyClaim<T> {

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
     * The insert that claims, inside a single-statement write, the record of each row of the common table expression
     * {@code rows} that came from a request with a key: the row holds the {@link Remembered} in its columns
     * {@code caller}, {@code idempotency_key} (null without a key), {@code operation}, {@code request_hash} and
     * {@code result}. It returns the {@code caller} and {@code idempotency_key} of each record it stored; a row whose
     * key another request stored is not returned, and the write must leave it unchanged. Two rows of one statement
     * must not have the same caller and key: only one would be returned, for both.
     */
    public static String claimFor(String rows) {
        return "INSERT INTO idempotency_record (caller, idempotency_key, operation, request_hash, result) "
                + "SELECT caller, idempotency_key, operation, request_hash, result FROM " + rows
                + " WHERE idempotency_key IS NOT NULL ON CONFLICT DO NOTHING RETURNING caller, idempotency_key";
    }

    /** The record of this request with {@code result}, or null for a request without a key. */
    public Remembered remembered(T result) {
        return key == null ? null : new Remembered(caller, key, operation, requestHash, storedForReplay.apply(result));
    }

    /**
     * The failure of a write that left this request's row unchanged because another request with the same key stored
     * its record first: {@link IdempotentRequests#executeInOneStatement} answers with that record instead.
     */
    public RuntimeException taken() {
        return new KeyTaken();
    }

    /** An idempotency record as {@link #claimFor} stores it. */
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
