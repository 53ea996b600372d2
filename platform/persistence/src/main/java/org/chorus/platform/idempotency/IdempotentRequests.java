package org.chorus.platform.idempotency;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.web.RequestThreads;
import org.chorus.platform.web.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes a creating request safe to retry: the first result for a caller's {@code Idempotency-Key} is stored in the
 * same transaction as the change, a retry with the same body gets that result again (one sent while the first still
 * runs waits for it), and the same key with a different body is refused with 409.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern ACCEPTABLE_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    public IdempotentRequests(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    /**
     * Runs {@code action} once per caller and key.
     *
     * @param caller whose key space this is, normally the calling organisation
     * @param key the caller's Idempotency-Key, or null to run without idempotency
     * @param operation names the kind of request, so that one key cannot replay another operation's result
     * @param request the request body, compared on retry
     */
    @Transactional
    public <T> Outcome<T> execute(String caller, String key, String operation, Object request, Class<T> resultType,
            Supplier<T> action) {
        return execute(caller, key, operation, request, resultType, UnaryOperator.identity(), action);
    }

    /**
     * Runs {@code action} once per caller and key, keeping only {@code keptForReplay} of its result: a secret the
     * first answer shows once (an erasure token) must not lie at rest in plain text, so a replay answers without it.
     */
    @Transactional
    public <T> Outcome<T> execute(String caller, String key, String operation, Object request, Class<T> resultType,
            UnaryOperator<T> keptForReplay, Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        checkKey(key);
        String requestHash = fingerprint(operation, request);
        var earlier = store.lockAndFind(caller, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), requestHash, resultType);
        }
        T result = action.get();
        if (!store.insert(caller, key, operation, requestHash, write(keptForReplay.apply(result)))) {
            throw stillRunning();
        }
        return new Outcome<>(result, false);
    }

    /**
     * Runs once per caller and key an action that commits in transactions of its own (an upload is created in one and
     * processed in many), which records the key through the {@link Recorder} it is given, in the transaction that first
     * commits its change. A request that fails after that commit (in its later work, or on its way out) leaves the key
     * recorded, so a retry replays instead of doing the work again. The key is held as by {@link #execute} until the
     * action ends, so a retry sent meanwhile waits for it. An action that records nothing is recorded as it ends.
     */
    @Transactional
    public <T> Outcome<T> executeRecordedWithFirstCommit(String caller, String key, String operation, Object request,
            Class<T> resultType, Function<Recorder<T>, T> action) {
        if (key == null) {
            return new Outcome<>(action.apply(result -> {
            }), false);
        }
        checkKey(key);
        String requestHash = fingerprint(operation, request);
        var earlier = store.lockAndFind(caller, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), requestHash, resultType);
        }
        boolean[] recorded = { false };
        Recorder<T> recorder = result -> {
            if (!store.insert(caller, key, operation, requestHash, write(result))) {
                throw stillRunning();
            }
            recorded[0] = true;
        };
        T result = action.apply(recorder);
        if (!recorded[0]) {
            recorder.record(result);
        }
        return new Outcome<>(result, false);
    }

    /** Records a request's key with a result, in the transaction it is called in. */
    @FunctionalInterface
    public interface Recorder<T> {

        void record(T result);
    }

    /**
     * Runs a write that stores its idempotency record in its own single statement (see {@link IdempotencyClaim}), for
     * ingest, where each round trip to the database costs more processor time than the statement itself: nothing is
     * read first and no transaction is held open around the action, which may complete on any thread. Only when the
     * write is not done, because another request stored the key first or the action refused, is the key's record read,
     * as a blocking step of the request: a retry gets its first result (whatever changed since, a survey closing say),
     * the same key with another body gets 409, and a key nobody stored meets the action's own refusal.
     */
    public <T> CompletionStage<Outcome<T>> executeInOneStatement(String caller, String key, String operation,
            Object request, Class<T> resultType, UnaryOperator<T> keptForReplay,
            Function<IdempotencyClaim<T>, CompletionStage<T>> action, RequestThreads threads) {
        if (key == null) {
            return action.apply(IdempotencyClaim.none()).thenApply(result -> new Outcome<>(result, false));
        }
        checkKey(key);
        String requestHash = fingerprint(operation, request);
        CompletionStage<T> attempt;
        try {
            attempt = action.apply(new IdempotencyClaim<T>(caller, key, operation, requestHash,
                    result -> write(keptForReplay.apply(result))));
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.thenApply(result -> new Outcome<>(result, false)).exceptionallyCompose(failure -> {
            Throwable cause = RequestThreads.unwrap(failure);
            if (!(cause instanceof IdempotencyClaim.KeyTaken || cause instanceof ProblemException)) {
                return CompletableFuture.failedFuture(cause);
            }
            // The key's record answers if there is one; else a taken key is still being stored, a refusal stands.
            Supplier<RuntimeException> unrecorded = cause instanceof ProblemException refused ? () -> refused
                    : IdempotentRequests::stillRunning;
            return threads.blocking(() -> replay(store.find(caller, key).orElseThrow(unrecorded), requestHash,
                    resultType));
        });
    }

    private <T> Outcome<T> replay(IdempotencyStore.StoredResult earlier, String requestHash, Class<T> resultType) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw ProblemException.conflict(
                    "This Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        return new Outcome<>(read(earlier.result(), resultType), true);
    }

    private static ProblemException stillRunning() {
        return ProblemException.conflict("A request with this Idempotency-Key is being processed; retry shortly");
    }

    /** @throws ProblemException 400 naming the header unless the key is 1 to 200 visible ASCII characters */
    static void checkKey(String key) {
        if (!ACCEPTABLE_KEY.matcher(key).matches()) {
            throw ProblemException.invalidParameter(HEADER, "must be 1 to 200 visible ASCII characters");
        }
    }

    /** What a retry must repeat to get the first result: the operation and the request body, hashed. */
    String fingerprint(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(objectMapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }

    private byte[] write(Object result) {
        try {
            return objectMapper.writeValueAsBytes(result);
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the result for replay", e);
        }
    }

    private <T> T read(byte[] stored, Class<T> type) {
        try {
            return objectMapper.readValue(stored, type);
        } catch (IOException e) {
            throw new IllegalStateException("Stored result no longer readable", e);
        }
    }

    /** The result of a request, and whether it is a replay of an earlier one. */
    public record Outcome<T>(T result, boolean replayed) {
    }
}
