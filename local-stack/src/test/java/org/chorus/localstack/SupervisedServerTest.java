package org.chorus.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/** Starting one of the stack's servers from two threads at once, as a test and the watch may. */
class SupervisedServerTest {

    /** One launch, held until the test lets it finish. */
    private final CountDownLatch launching = new CountDownLatch(1);
    private final CountDownLatch letItFinish = new CountDownLatch(1);
    private final AtomicInteger launches = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void aStartWhileAnotherIsUnderWayWaitsForItAndLaunchesNothing() throws Exception {
        Server server = new Server(() -> "broker-" + launches.incrementAndGet());
        raceTwoStarts(server);

        assertEquals(List.of(), failures);
        assertEquals(1, launches.get(), "servers launched");
        assertEquals("broker-1", server.running());
        server.start();
        assertEquals(1, launches.get(), "a start of a running server launches nothing");
    }

    @Test
    void aStartWaitingForOneThatFailedLaunchesItsOwn() throws Exception {
        AtomicInteger attempt = new AtomicInteger();
        Server server = new Server(() -> {
            if (attempt.incrementAndGet() == 1) {
                throw new IOException("port in use");
            }
            return "broker-" + attempt.get();
        });
        raceTwoStarts(server);

        assertEquals(1, failures.size(), "the first start's own failure: " + failures);
        assertEquals("port in use", failures.get(0).getMessage());
        assertEquals("broker-2", server.running());
    }

    @Test
    void aServerLaunchedWhileTheStackClosesIsShutDown() {
        Server server = new Server(() -> "broker-1", () -> true);
        letItFinish.countDown();

        assertThrows(IllegalStateException.class, server::start);
        assertEquals(List.of("broker-1"), server.shutDown);
        assertNull(server.running());
    }

    /** A second start comes while the first is launching, and waits; then the launch finishes. */
    private void raceTwoStarts(Server server) throws InterruptedException {
        Thread first = starting(server);
        assertTrue(launching.await(10, TimeUnit.SECONDS));
        Thread second = starting(server);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.WAITING);

        letItFinish.countDown();
        first.join(10_000);
        second.join(10_000);
    }

    private Thread starting(Server server) {
        Thread thread = new Thread(() -> {
            try {
                server.start();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "start");
        thread.start();
        return thread;
    }

    /** What a launch makes: a name standing for the process. */
    private interface Launch {
        String launch() throws IOException;
    }

    /** A server whose launch signals {@link #launching} and then waits for {@link #letItFinish}. */
    private final class Server extends SupervisedServer<String> {

        private final Launch launch;
        final List<String> shutDown = new CopyOnWriteArrayList<>();

        Server(Launch launch) {
            this(launch, () -> false);
        }

        Server(Launch launch, BooleanSupplier stackClosing) {
            super("kafka", stackClosing);
            this.launch = launch;
        }

        @Override
        protected String launch() throws IOException, InterruptedException {
            launching.countDown();
            letItFinish.await();
            return launch.launch();
        }

        @Override
        protected void shutDown(String running) {
            shutDown.add(running);
        }

        @Override
        protected void abandon(String running) {
            shutDown.add(running);
        }

        @Override
        protected long pidOf(String running) {
            return running.hashCode();
        }

        @Override
        protected Optional<String> endOf(String running) {
            return Optional.empty();
        }

        @Override
        protected String address(String running) {
            return "127.0.0.1:59092";
        }

        @Override
        public HealthProbe.Answer ready() {
            return HealthProbe.Answer.of(200);
        }

        @Override
        public HealthProbe.Answer live() {
            return HealthProbe.Answer.of(200);
        }
    }
}
