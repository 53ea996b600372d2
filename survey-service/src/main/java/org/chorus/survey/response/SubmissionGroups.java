package org.chorus.survey.response;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.web.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Group commit for submissions: those that arrive while a statement is storing others wait, then are stored together
 * in the next statement, so that PostgreSQL's cost per statement and per commit is shared among them (pgbench on two
 * cores: eight responses a statement stored 3.5 times as many a second as one). Under light load a group is one
 * submission and nobody waits. One writer thread writes the groups, and no request thread waits for it: a submission's
 * outcome completes once the statement that stored it has committed, and its request goes on from there on its own
 * event loop. A request handed to a worker thread that parked until its group was stored cost three hand-overs between
 * threads a response; this costs one, the answer's way back to its event loop, and the writer is woken only when it
 * had run out of work.
 */
@ApplicationScoped
class SubmissionGroups {

    private static final Logger LOG = Logger.getLogger(SubmissionGroups.class);

    /** Enough to share a commit among all the requests that arrive during one statement; few enough for a short one. */
    static final int MOST = 64;

    private final SubmissionStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(SubmissionGroups::writerThread);
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private boolean writing;

    SubmissionGroups(SubmissionStore store) {
        this.store = store;
    }

    /**
     * Queues the submission to be stored, alone or in a group.
     *
     * @return completes once the statement that stored it has committed, with what it did; fails with the statement's
     *         failure
     */
    CompletableFuture<SubmissionStore.Stored> store(Submission submission) {
        Waiting own = new Waiting(submission);
        boolean start;
        lock.lock();
        try {
            queue.add(own);
            start = !writing;
            writing = true;
        } finally {
            lock.unlock();
        }
        if (start) {
            startWriting();
        }
        return own.outcome;
    }

    /** How many submissions wait for a statement to store them. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the group being written finish; a submission that arrives after this is refused. */
    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void startWriting() {
        try {
            writer.execute(this::writeUntilNoneWait);
        } catch (RejectedExecutionException shuttingDown) {
            List<Waiting> refused;
            lock.lock();
            try {
                refused = new ArrayList<>(queue);
                queue.clear();
                writing = false;
            } finally {
                lock.unlock();
            }
            // Outside the lock: completing an outcome runs its request's next steps on this thread.
            refused.forEach(w -> w.outcome.completeExceptionally(ProblemException.unavailable(
                    "The service is shutting down; send the response again, to another replica or once it is back")));
        }
    }

    private void writeUntilNoneWait() {
        boolean drained = false;
        try {
            for (List<Waiting> group = nextGroup(); !group.isEmpty(); group = nextGroup()) {
                write(group);
                // The event loops just given the group's answers read the next requests too: letting them run first
                // grows the next group (GatewayBench, 16 clients, one run each: the survey service ran 0.22 statements
                // a response with the yield, 0.27 without).
                Thread.yield();
            }
            drained = true;
        } finally {
            if (!drained) {
                writeAgainIfAnyWait();
            }
        }
    }

    /**
     * The next group, or none, and then the next submission to arrive starts the writer again. A copy of a request
     * already in the group (a client retrying while the first is queued) waits for the next one, where the first's
     * stored key answers it.
     */
    private List<Waiting> nextGroup() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                writing = false;
                return List.of();
            }
            List<Waiting> group = new ArrayList<>(Math.min(queue.size(), MOST));
            Set<List<String>> keys = new HashSet<>();
            for (Iterator<Waiting> waiting = queue.iterator(); waiting.hasNext() && group.size() < MOST;) {
                Waiting next = waiting.next();
                List<String> key = next.submission().callerAndKey();
                if (key == null || keys.add(key)) {
                    group.add(next);
                    waiting.remove();
                }
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    /** After an Error ended a round of writing: those who queued meanwhile must not wait for a writer that is gone. */
    private void writeAgainIfAnyWait() {
        boolean start;
        lock.lock();
        try {
            start = !queue.isEmpty();
            writing = start;
        } finally {
            lock.unlock();
        }
        if (start) {
            startWriting();
        }
    }

    /** Every submission of the group gets its outcome, whatever happens: none is left waiting. */
    private void write(List<Waiting> group) {
        try {
            Map<UUID, SubmissionStore.Stored> outcomes = store.insert(group.stream().map(Waiting::submission).toList());
            group.forEach(w -> w.outcome.complete(outcomes.get(w.submission().response().id())));
        } catch (RuntimeException e) {
            group.forEach(w -> w.outcome.completeExceptionally(e));
        } catch (Error e) {
            group.forEach(w -> w.outcome.completeExceptionally(new IllegalStateException("Response not stored", e)));
            throw e;
        }
    }

    private static Thread writerThread(Runnable writing) {
        Thread thread = new Thread(writing, "submission-writer");
        thread.setDaemon(true);
        // In the service's log, where an operator looks, not on standard error, where the JDK would print it.
        thread.setUncaughtExceptionHandler((writer, e) -> LOG.error(
                "The submission writer stopped on an error; its group was not stored, and the next submission starts"
                        + " another writer", e));
        return thread;
    }

    /** A submission in the queue, and the outcome its request goes on from. */
    private record Waiting(Submission submission, CompletableFuture<SubmissionStore.Stored> outcome) {

        Waiting(Submission submission) {
            this(submission, new CompletableFuture<>());
        }
    }
}
