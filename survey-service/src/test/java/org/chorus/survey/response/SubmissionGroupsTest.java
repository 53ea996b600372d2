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

import org.chorus.platform.testing.CapturedLog;
import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
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
        List<CompletableFuture<Boolean>> outcomes = firstAloneThenQueued(groups);

        for (CompletableFuture<Boolean> outcome : outcomes) {
            assertTrue(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
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
                return storedAll(group.stream().filter(s -> s != group.get(2)).toList());
            }
            return storedAll(group);
        }));
        List<CompletableFuture<Boolean>> outcomes = firstAloneThenQueued(groups);

        long stored = 0;
        for (CompletableFuture<Boolean> outcome : outcomes) {
            stored += outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1 + QUEUED - 1, stored);
        assertEquals(1, refused.size());
    }

    @Test
    void aFailureReachesEverySubmissionOfItsGroupAndTheNextRequestIsWrittenAgain() throws Exception {
        IllegalStateException outage = new IllegalStateException("database unavailable");
        SubmissionGroups groups = groups(store(group -> failingGroupsOfSeveral(group, () -> {
            throw outage;
        })));

        assertFirstStoredAndTheQueuedFailed(firstAloneThenQueued(groups), failure -> failure == outage);
        assertTrue(groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS), "a later one is written");
        assertEquals(List.of(1, QUEUED, 1), groupSizes);
    }

    @Test
    void aKeyTakenInAGroupSendsEachOfItAloneSoThatOnlyItsOwnRequestFails() throws Exception {
        IllegalStateException taken = new IllegalStateException("key taken");
        List<Submission> retrying = new ArrayList<>();
        SubmissionGroups groups = groups(store(group -> {
            if (group.size() > 1) {
                retrying.add(group.get(3));
                throw new SubmissionStore.KeyTakenInGroup();
            }
            if (!retrying.isEmpty() && group.get(0) == retrying.get(0)) {
                throw taken;
            }
            return storedAll(group);
        }));
        List<CompletableFuture<Boolean>> outcomes = firstAloneThenQueued(groups);

        int failed = 0;
        for (CompletableFuture<Boolean> outcome : outcomes) {
            try {
                assertTrue(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                assertSame(taken, e.getCause());
                failed++;
            }
        }
        assertEquals(1, failed);
        assertEquals(List.of(1, QUEUED, 1, 1, 1, 1, 1), groupSizes);
    }

    @Test
    void aLoneSubmissionIsWrittenAloneAtOnce() throws Exception {
        SubmissionGroups groups = groups(store(group -> storedAll(group)));
        firstWriteMayEnd.countDown();
        assertTrue(groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of(1, 1), groupSizes);
        assertFalse(groups.waiting() > 0);
    }

    @Test
    void noRequestThreadWaitsForTheStatementThatStoresItsSubmission() throws Exception {
        SubmissionGroups groups = groups(store(group -> storedAll(group)));
        CompletableFuture<Boolean> outcome = groups.store(submission());
        assertTrue(firstWriteStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        assertFalse(outcome.isDone(), "store returned while its statement was still running");
        firstWriteMayEnd.countDown();
        assertTrue(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
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
            assertTrue(groups.store(submission()).get(WAIT.toSeconds(), TimeUnit.SECONDS), "a new writer took over");
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
    private List<CompletableFuture<Boolean>> firstAloneThenQueued(SubmissionGroups groups)
            throws InterruptedException {
        List<CompletableFuture<Boolean>> outcomes = new ArrayList<>();
        outcomes.add(groups.store(submission()));
        assertTrue(firstWriteStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 0; i < QUEUED; i++) {
            outcomes.add(groups.store(submission()));
        }
        await().atMost(WAIT).until(() -> groups.waiting() == QUEUED);
        firstWriteMayEnd.countDown();
        return outcomes;
    }

    /** A store that records each group, holds the first write until let go, then answers as {@code answer} says. */
    private SubmissionStore store(Function<List<Submission>, Set<UUID>> answer) {
        return new SubmissionStore(null, null) {
            @Override
            Set<UUID> insert(List<Submission> group) {
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
    private static Set<UUID> failingGroupsOfSeveral(List<Submission> group, Runnable failure) {
        if (group.size() > 1) {
            failure.run();
        }
        return storedAll(group);
    }

    private static void assertFirstStoredAndTheQueuedFailed(List<CompletableFuture<Boolean>> outcomes,
            Predicate<Throwable> expected) throws Exception {
        assertTrue(outcomes.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (CompletableFuture<Boolean> outcome : outcomes.subList(1, outcomes.size())) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertTrue(expected.test(failed.getCause()), "failed with " + failed.getCause());
        }
    }

    private static Set<UUID> storedAll(List<Submission> group) {
        return group.stream().map(s -> s.response().id()).collect(Collectors.toSet());
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
        StoredResponse response = new StoredResponse(UUID.randomUUID(), UUID.randomUUID(), 1, Channel.ONLINE, null,
                UUID.randomUUID(), null, Instant.now(), Map.of());
        return new Submission(response, "hash", null, "en", null, null, null);
    }
}
