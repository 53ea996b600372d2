package org.chorus.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./chorus up` on a running stack stops what it rebuilds and then brings every service up to date through the
 * supervisor: what is stopped is started, what runs an older build than the one on disk is restarted, and what is
 * up to date is left alone. The stack here is a stand-in that records what it was asked.
 */
class StackRequestsTest {

    private static final Instant OLD_BUILD = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant NEW_BUILD = Instant.parse("2026-12-05T11:00:00Z");

    @RegisterExtension
    final SupervisorLog log = new SupervisorLog();

    private final StandInStack stack = new StandInStack();

    @Test
    void stopStopsTheRunningReplicasNamedAndNothingElse() throws Exception {
        stack.run(ChorusService.SURVEY, OLD_BUILD);
        stack.run(ChorusService.INSIGHT, OLD_BUILD);

        StackRequests.Answer answer = answer(stack, "STOP", "survey-service", "gateway");

        assertTrue(answer.ok());
        assertEquals(List.of("survey-service stopped"), answer.lines(), "the gateway was not running");
        assertEquals(List.of("stop survey-service"), stack.calls);
        assertTrue(stack.isRunning(replica(ChorusService.INSIGHT)));
    }

    @Test
    void refreshStartsWhatIsStoppedRestartsWhatRunsAnOlderBuildAndLeavesTheRestAlone() throws Exception {
        stack.built(ChorusService.DIRECTORY, OLD_BUILD);
        stack.run(ChorusService.DIRECTORY, OLD_BUILD);
        stack.built(ChorusService.SURVEY, NEW_BUILD);
        stack.run(ChorusService.INSIGHT, OLD_BUILD);
        stack.built(ChorusService.INSIGHT, NEW_BUILD);
        stack.built(ChorusService.GATEWAY, OLD_BUILD);
        stack.run(ChorusService.GATEWAY, OLD_BUILD);

        StackRequests.Answer answer = answer(stack, "REFRESH", "partner-directory-service", "survey-service",
                "insight-service", "gateway");

        assertTrue(answer.ok(), answer.toString());
        assertEquals(List.of("survey-service started", "insight-service restarted with its new build"),
                answer.lines());
        assertEquals(List.of("start survey-service", "stop insight-service", "start insight-service"), stack.calls);
        assertEquals(Optional.of(NEW_BUILD), stack.runningBuild(replica(ChorusService.INSIGHT)));
    }

    @Test
    void aServiceThatCannotStartIsSaidAndTheOthersAreStillStarted() throws Exception {
        stack.built(ChorusService.SURVEY, NEW_BUILD);
        stack.built(ChorusService.INSIGHT, NEW_BUILD);
        stack.failingStart.put(ChorusService.SURVEY, "survey-service/target/quarkus-app/quarkus-run.jar is missing");

        StackRequests.Answer answer = answer(stack, "REFRESH", "survey-service", "insight-service");

        assertFalse(answer.ok());
        assertEquals(List.of("survey-service could not be started: "
                + "survey-service/target/quarkus-app/quarkus-run.jar is missing", "insight-service started"),
                answer.lines());
        assertTrue(stack.isRunning(replica(ChorusService.INSIGHT)));
    }

    @Test
    void whatIsNotARequestIsRefusedAndChangesNothing() throws Exception {
        stack.run(ChorusService.SURVEY, OLD_BUILD);

        for (List<String> request : List.of(List.of("RESTART", "survey-service"), List.of("STOP", "survey-servic"),
                List.<String>of())) {
            StackRequests.Answer answer = new StackRequests(new StackHome(Path.of("unused")), stack).answer(request);
            assertFalse(answer.ok(), request.toString());
            assertTrue(answer.lines().get(0).startsWith("not a request"), answer.toString());
        }
        assertEquals(List.of(), stack.calls);
    }

    @Test
    void theScriptsQuestionIsAnsweredThroughTheRunDirectory(@TempDir Path root) throws Exception {
        StackHome home = new StackHome(root);
        stack.built(ChorusService.SURVEY, NEW_BUILD);
        StackRequests requests = new StackRequests(home, stack);
        assertFalse(StackRequests.answeredBy(home, ProcessHandle.current()), "not before it serves");
        Path requestsDirectory = Files.createDirectories(home.run().resolve("requests"));
        stack.built(ChorusService.INSIGHT, NEW_BUILD);
        Files.write(requestsDirectory.resolve("0-left-by-an-earlier-supervisor.request"),
                List.of("REFRESH", "insight-service"));
        requests.start();
        try {
            assertTrue(StackRequests.answeredBy(home, ProcessHandle.current()));
            assertFalse(StackRequests.answeredBy(home, ProcessHandle.current().parent().orElseThrow()),
                    "another supervisor than the one that serves");

            Optional<StackRequests.Answer> answer = StackRequests.ask(home, StackRequests.Verb.REFRESH,
                    List.of(ChorusService.SURVEY), Duration.ofSeconds(30), ProcessHandle.current());

            assertEquals(Optional.of(new StackRequests.Answer(true, List.of("survey-service started"))), answer);
            assertEquals(List.of("start survey-service"), stack.calls, "the earlier supervisor's request is dropped");
            try (var left = Files.list(home.run().resolve("requests"))) {
                assertEquals(List.of("serving"), left.map(f -> f.getFileName().toString()).toList(),
                        "the request and its answer are gone");
            }
        } finally {
            requests.stop();
        }
    }

    @Test
    void theScriptStopsWaitingWhenTheSupervisorIsGone(@TempDir Path root) throws Exception {
        StackHome home = new StackHome(root);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        Optional<StackRequests.Answer> answer = StackRequests.ask(home, StackRequests.Verb.STOP,
                List.of(ChorusService.SURVEY), Duration.ofMinutes(5), ended.toHandle());

        assertEquals(Optional.empty(), answer);
        try (var left = Files.list(home.run().resolve("requests"))) {
            assertEquals(0, left.count(), "its request is taken back");
        }
    }

    @Test
    void stoppingTheSupervisorInterruptsAStartItWaitsOnAndAnswersNothingAfter(@TempDir Path root)
            throws Exception {
        StackHome home = new StackHome(root);
        stack.built(ChorusService.SURVEY, NEW_BUILD);
        stack.startBlocks = true;
        StackRequests requests = new StackRequests(home, stack);
        requests.start();
        ask(home, "1", "REFRESH", "survey-service");
        assertTrue(stack.startEntered.await(30, TimeUnit.SECONDS), "the start was asked");

        requests.stop();

        assertTrue(stack.startInterrupted, "the start was interrupted");
        assertFalse(Files.exists(home.run().resolve("requests").resolve("1.done")), "no answer claims it done");
        ask(home, "2", "REFRESH", "insight-service");
        await().during(Duration.ofMillis(3 * StackRequests.POLL.toMillis())).atMost(Duration.ofSeconds(5))
                .until(() -> !Files.exists(home.run().resolve("requests").resolve("2.done"))
                        && stack.calls.equals(List.of("start survey-service")));
    }

    /**
     * Leaves a request as the script does, written whole: one written line by line could be read half-written, and
     * answered as "not a request" before the test's own start was ever asked.
     */
    private static void ask(StackHome home, String id, String... lines) throws IOException {
        StackFiles.writeWhole(home.run().resolve("requests").resolve(id + ".request"), String.join("\n", lines) + "\n");
    }

    private static StackRequests.Answer answer(StandInStack stack, String... request) throws InterruptedException {
        return new StackRequests(new StackHome(Path.of("unused")), stack).answer(List.of(request));
    }

    private static ServiceReplica replica(ChorusService service) {
        return ServiceReplica.first(service);
    }

    /** One replica of each service, each running a build or not, and the build on disk for each. */
    private static final class StandInStack implements StackRequests.Control {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<ChorusService, String> failingStart = new EnumMap<>(ChorusService.class);
        final CountDownLatch startEntered = new CountDownLatch(1);
        volatile boolean startBlocks;
        volatile boolean startInterrupted;
        private final Map<ChorusService, Instant> onDisk = new EnumMap<>(ChorusService.class);
        private final Map<ServiceReplica, Instant> running = new ConcurrentHashMap<>();

        void built(ChorusService service, Instant at) {
            onDisk.put(service, at);
        }

        void run(ChorusService service, Instant build) {
            running.put(replica(service), build);
        }

        @Override
        public List<ServiceReplica> replicas(ChorusService service) {
            return List.of(replica(service));
        }

        @Override
        public boolean isRunning(ServiceReplica replica) {
            return running.containsKey(replica);
        }

        @Override
        public Optional<Instant> runningBuild(ServiceReplica replica) {
            return Optional.ofNullable(running.get(replica));
        }

        @Override
        public Optional<Instant> currentBuild(ChorusService service) {
            return Optional.ofNullable(onDisk.get(service));
        }

        @Override
        public void stopReplica(ServiceReplica replica) {
            calls.add("stop " + replica.name());
            running.remove(replica);
        }

        @Override
        public void startReplica(ServiceReplica replica) throws IOException, InterruptedException {
            calls.add("start " + replica.name());
            String failure = failingStart.get(replica.service());
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            if (startBlocks) {
                startEntered.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    startInterrupted = true;
                    throw e;
                }
            }
            running.put(replica, onDisk.get(replica.service()));
        }
    }
}
