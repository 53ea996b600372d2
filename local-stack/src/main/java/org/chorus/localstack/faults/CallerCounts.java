package org.chorus.localstack.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything callers were answered during a drill, counted as it arrives from many threads: the submissions made,
 * the response ids acknowledged (201), the 503s with Retry-After that the promise allows, and every other answer,
 * which it does not.
 */
final class CallerCounts {

    /** How long a caller waits before trying again after an answer that carried no Retry-After. */
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

    private final AtomicInteger submissions = new AtomicInteger();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final LongAdder reads = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final Map<String, LongAdder> otherAnswers = new ConcurrentHashMap<>();

    void submitted() {
        submissions.incrementAndGet();
    }

    /**
     * Counts an answer to a submission.
     *
     * @return when to try the same submission again, or empty when it is settled
     */
    Optional<Duration> submissionAnswered(HttpResponse<String> response, Throwable error) {
        if (error != null) {
            other("no answer: " + rootCause(error).getClass().getSimpleName());
            return Optional.of(DEFAULT_RETRY);
        }
        int status = response.statusCode();
        if (status == 201) {
            acknowledge(response);
            return Optional.empty();
        }
        countFailure(response);
        // A caller tries a server's failure again with the same Idempotency-Key; its own mistake it does not.
        return status >= 500 ? Optional.of(retryAfter(response).orElse(DEFAULT_RETRY)) : Optional.empty();
    }

    /** Counts an answer to a read, which must be 200. */
    void readAnswered(HttpResponse<String> response, Throwable error) {
        reads.increment();
        if (error != null) {
            other("no answer: " + rootCause(error).getClass().getSimpleName());
        } else if (response.statusCode() != 200) {
            countFailure(response);
        }
    }

    private void acknowledge(HttpResponse<String> response) {
        try {
            JsonNode receipt = GatewayCaller.JSON.readTree(response.body());
            acknowledged.add(UUID.fromString(receipt.path("responseId").asText()));
        } catch (IOException | IllegalArgumentException e) {
            other("201 without a receipt");
        }
    }

    private void countFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors.increment();
        }
        if (status == 503 && retryAfter(response).isPresent() && isProblem(response)) {
            unavailable.increment();
        } else if (status == 503) {
            other("503 without problem+json and Retry-After");
        } else {
            other(Integer.toString(status));
        }
    }

    private void other(String answer) {
        otherAnswers.computeIfAbsent(answer, a -> new LongAdder()).increment();
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    int submissions() {
        return submissions.get();
    }

    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    long reads() {
        return reads.sum();
    }

    long unavailable() {
        return unavailable.sum();
    }

    long serverErrors() {
        return serverErrors.sum();
    }

    Map<String, Long> otherAnswers() {
        Map<String, Long> answers = new TreeMap<>();
        otherAnswers.forEach((answer, count) -> answers.put(answer, count.sum()));
        return answers;
    }
}
