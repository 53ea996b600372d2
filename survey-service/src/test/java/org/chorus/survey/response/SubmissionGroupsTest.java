package org.chorus.survey.response;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.chorus.platform.idempotency.IdempotencyClaim.Remembered;
import org.chorus.platform.testing.CapturedLog;
import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.chorus.survey.response.SubmissionStore.Stored;
import org.junit.jupiter.api.Test;

/**
 * How submissions fall into groups, written by one writer thread, and how each learns its own outcome, with a store
 * that records the groups it is given (the statement itself, against PostgreSQL, is
 * {@link ConcurrentSubmissionsTest}'s).
 */
class SubmissionGroupsTest {

    private static final int QUEUED = 5;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<SubmissionGroups> started = new ArrayList<>();
    private final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);

    @AfterEach
    void stopWriters() throws InterruptedException {
        firstWriteMayEnd.countDown();
        for (SubmissionGroups groups : started) {
            groups.stop();
        }
    }

    @Test
    void requestsArrivingWhileAGroupIsWrittenGoTogetherInTheNextStatement() throws Exception {
        SubmissionGroups groups = groups(store(group -> storedAll(group)));
        List<CompletableFuture<Stored>> outcomes = firstAloneThenQueued(groups);

        for (CompletableFuture<Stored> outcome : outcomes) {
            assertEquals(Stored.STORED, outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(List.of(1, QUEUED), groupSizes);
        assertEquals(0, groups.waiting());
    }

    @Test
    void aSubmissionWhoseSurveyChangedIsToldSoAndTheRestOfItsGroupIsStored() throws Exception {
        List<Submission> refused = new ArrayList<>();
        SubmissionGroups groups = groups(store(group -> {
            if (group.size() > 1) {
                refused.add(group.get(2));
                Map<UUID, Stored> outcomes = new HashMap<>(storedAll(group));
                outcomes.put(group.get(2).response().id(), Stored.SURVEY_CHANGED);
                return outcomes;
            }
            return storedAll(group);
        }));
        List<CompletableFuture<Stored>> outcomes = firstAloneThenQueued(groups);

        List<Stored> told = new ArrayList<>();
        for (CompletableFuture<Stored> outcome : outcomes) {
            told.add(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(1 + QUEUED - 1, Collections.frequency(told, Stored.STORED));
        assertEquals(Stored.SURVEY_CHANGED, told.get(1 + 2));
        assertEquals(1, refused.size());
    }

    @Test
    void aFailureReachesEverySubmissionOfItsGroupAndTheNextRequestIsWrittenAgain() throws Exception {
        IllegalStateException outage = new IllegalStateException("database unavailable");
        SubmissionGroups groups = groups(store(group -> failingGroupsOfSeveral(group, () -> {
            throw outage;
        })));

        assertFirstStoredAndTheQueuedFailed(firstAloneThenQueued(groups), failure -> failure == outage);
        assertEquals(Stored.STORED, groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS),
                "a later one is written");
        assertEquals(List.of(1, QUEUED, 1), groupSizes);
    }

    @Test
    void aCopyOfARequestAlreadyInTheGroupWaitsForTheNextStatementWhereTheFirstsKeyAnswersIt() throws Exception {
        List<List<Submission>> written = Collections.synchronizedList(new ArrayList<>());
        Set<List<String>> keysStored = Collections.synchronizedSet(new HashSet<>());
        SubmissionGroups groups = groups(store(group -> {
            written.add(group);
            // As the statement does: a key stored before the group takes its copy's place, and stores nothing.
            return group.stream().collect(Collectors.toMap(s -> s.response().id(),
                    s -> keysStored.add(s.callerAndKey()) ? Stored.STORED : Stored.KEY_TAKEN));
        }));
        Submission first = submission("retried");
        Submission copy = submission("retried");
        List<CompletableFuture<Stored>> outcomes = firstAloneThenQueued(groups, List.of(first,
                submission("another"), copy, submission("a third"), submission("a fourth")));

        List<Stored> told = new ArrayList<>();
        for (CompletableFuture<Stored> outcome : outcomes) {
            told.add(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(List.of(1, QUEUED - 1, 1), groupSizes, "the copy waits for the next statement");
        assertEquals(List.of(copy), written.get(2));
        assertEquals(List.of(Stored.STORED, Stored.STORED, Stored.STORED, Stored.KEY_TAKEN, Stored.STORED,
                Stored.STORED), told);
    }

    @Test
    void aLoneSubmissionIsWrittenAloneAtOnce() throws Exception {
        SubmissionGroups groups = groups(store(group -> storedAll(group)));
        firstWriteMayEnd.countDown();
        assertEquals(Stored.STORED, groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Stored.STORED, groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of(1, 1), groupSizes);
        assertFalse(groups.waiting() > 0);
    }

    @Test
    void noRequestThreadWaitsForTheStatementThatStoresItsSubmission() throws Exception {
        SubmissionGroups groups = groups(store(group -> storedAll(group)));
        CompletableFuture<Stored> outcome = groups.store(submission());
        assertTrue(firstWriteStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        assertFalse(outcome.isDone(), "store returned while its statement was still running");
        firstWriteMayEnd.countDown();
        assertEquals(Stored.STORED, outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void anErrorInTheWriterFailsItsGroupIsLoggedAndLaterSubmissionsAreStillWritten() throws Exception {
        StackOverflowError error = new StackOverflowError("deep answers");
        SubmissionGroups groups = groups(store(group -> failingGroupsOfSeveral(group, () -> {
            throw error;
        })));
        try (CapturedLog log = CapturedLog.of(SubmissionGroups.class)) {
            assertFirstStoredAndTheQueuedFailed(firstAloneThenQueued(groups),
                    failure -> failure.getCause() == error);
            assertEquals(Stored.STORED, groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS),
                    "a new writer took over");
            assertEquals(List.of(1, QUEUED, 1), groupSizes);
            await().atMost(WAIT).until(() -> log.records().size() == 1);
            assertEquals(Level.SEVERE, log.records().get(0).getLevel());
            assertSame(error, log.records().get(0).getThrown(), "the service's log has the error, not standard error");
        }
    }

    @Test
    void aSubmissionAfterStopIsRefusedAsUnavailable() throws Exception {
        SubmissionGroups groups = groups(store(group -> storedAll(group)));
        groups.stop();

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(503, ((ProblemException) refused.getCause()).status());
        assertEquals(0, groups.waiting());
    }

    private SubmissionGroups groups(SubmissionStore store) {
        SubmissionGroups groups = new SubmissionGroups(store);
        started.add(groups);
        return groups;
    }

    /** One request writes alone and is held in its statement while {@link #QUEUED} more arrive, then let go. */
    private List<CompletableFuture<Stored>> firstAloneThenQueued(SubmissionGroups groups)
            throws InterruptedException {
        List<Submission> queued = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            queued.add(submission());
        }
        return firstAloneThenQueued(groups, queued);
    }

    private List<CompletableFuture<Stored>> firstAloneThenQueued(SubmissionGroups groups, List<Submission> queued)
            throws InterruptedException {
        List<CompletableFuture<Stored>> outcomes = new ArrayList<>();
        outcomes.add(groups.store(submission()));
        assertTrue(firstWriteStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (Submission submission : queued) {
            outcomes.add(groups.store(submission));
        }
        await().atMost(WAIT).until(() -> groups.waiting() == queued.size());
        firstWriteMayEnd.countDown();
        return outcomes;
    }

    /** A store that records each group, holds the first write until let go, then answers as {@code answer} says. */
    private SubmissionStore store(Function<List<Submission>, Map<UUID, Stored>> answer) {
        return new SubmissionStore(null, null) {
            @Override
            Map<UUID, Stored> insert(List<Submission> group) {
                groupSizes.add(group.size());
                if (groupSizes.size() == 1) {
                    firstWriteStarted.countDown();
                    awaitQuietly(firstWriteMayEnd);
                }
                return answer.apply(group);
            }
        };
    }

    /** Stores a lone submission; {@code failure} fails a group of several. */
    private static Map<UUID, Stored> failingGroupsOfSeveral(List<Submission> group, Runnable failure) {
        if (group.size() > 1) {
            failure.run();
        }
        return storedAll(group);
    }

    private static void assertFirstStoredAndTheQueuedFailed(List<CompletableFuture<Stored>> outcomes,
            Predicate<Throwable> expected) throws Exception {
        assertEquals(Stored.STORED, outcomes.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (CompletableFuture<Stored> outcome : outcomes.subList(1, outcomes.size())) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertTrue(expected.test(failed.getCause()), "failed with " + failed.getCause());
        }
    }

    private static Map<UUID, Stored> storedAll(List<Submission> group) {
        return group.stream().collect(Collectors.toMap(s -> s.response().id(), s -> Stored.STORED));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Submission submission() {
        return submission(null);
    }

    /** A submission sent with this Idempotency-Key, or with none. */
    private static Submission submission(String key) {
        StoredResponse response = new StoredResponse(UUID.randomUUID(), UUID.randomUUID(), 1, Channel.ONLINE, null,
                UUID.randomUUID(), null, Instant.now(), Map.of());
        Remembered remembered = key == null ? null
                : new Remembered("a website", key, "submit-response", "hash", new byte[0]);
        return new Submission(response, "hash", null, "en", null, null, remembered);
    }
}
