package org.chorus.platform.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A transaction a test holds open after its work until it commits it, so that a concurrent request meets that work
 * uncommitted at a moment the test chooses rather than one a race picks.
 */
public final class HeldTransaction<T> implements AutoCloseable {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<T> outcome;
    private volatile int backendPid;

    private HeldTransaction(Supplier<T> work) {
        outcome = thread.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            T result = work.get();
            backendPid = ((Number) Arc.container().instance(EntityManager.class).get()
                    .createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue();
            held.countDown();
            release.await();
            return result;
        }));
    }

    /** Runs the work in a new transaction and returns once it is done and the transaction held open. */
    public static <T> HeldTransaction<T> open(Supplier<T> work) throws Exception {
        HeldTransaction<T> transaction = new HeldTransaction<>(work);
        await("the work done").atMost(Duration.ofSeconds(30))
                .until(() -> transaction.held.getCount() == 0 || transaction.outcome.isDone());
        if (transaction.held.getCount() != 0) {
            transaction.close();
            transaction.outcome.get();
        }
        return transaction;
    }

    /** Waits until another session waits for a lock this transaction holds. */
    public void awaitSomeoneBlocked() {
        awaitBlocked("");
    }

    /**
     * Waits until a statement containing the text waits for a lock this transaction holds: when other work of the
     * service may wait on it too, the one the test is about.
     */
    public void awaitBlocked(String statementText) {
        await("a session waiting for the held transaction").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container()
                        .instance(EntityManager.class).get()
                        .createNativeQuery("SELECT count(*) FROM pg_stat_activity "
                                + "WHERE :pid = ANY(pg_blocking_pids(pid)) AND strpos(query, :text) > 0")
                        .setParameter("pid", backendPid).setParameter("text", statementText).getSingleResult())
                        .longValue() > 0));
    }

    /**
     * Sends the request on another thread, waits until a statement of it containing the text waits for this
     * transaction, commits the transaction and answers what the request got: the request meets the work uncommitted,
     * and goes on once it is committed. {@link #commit()} still answers what the work returned.
     */
    public <R> R sendWhileHeld(Supplier<R> request, String statementText) throws Exception {
        CompletableFuture<R> sent = CompletableFuture.supplyAsync(request);
        awaitBlocked(statementText);
        commit();
        return sent.get(1, TimeUnit.MINUTES);
    }

    /** {@link #sendWhileHeld(Supplier, String)} for a request whose any statement waiting is the one. */
    public <R> R sendWhileHeld(Supplier<R> request) throws Exception {
        return sendWhileHeld(request, "");
    }

    /** Commits the held transaction and answers what its work returned. */
    public T commit() throws Exception {
        release.countDown();
        return outcome.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        release.countDown();
        thread.shutdown();
    }
}
