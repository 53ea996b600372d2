package org.chorus.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Lets `./chorus up` on a running stack rebuild services without stopping the rest: only the supervisor holds the
 * processes, so the script asks it, through files in the stack's run directory, to stop what it has rebuilt beside
 * the running build, before it puts the new one in place, and then to bring every service up to date. A request is
 * {@code <id>.request}; the supervisor answers in {@code <id>.done}, whose first line is {@code OK} or {@code FAILED},
 * followed by what it did.
 */
final class StackRequests {

    /** What the script may ask. */
    enum Verb {
        /** Stop the services named, on purpose: the watch leaves them alone until they are started again. */
        STOP,
        /** Start each replica that is not running, and restart each whose build on disk is not the one it runs. */
        REFRESH
    }

    /** What the supervisor needs of the stack to answer. */
    interface Control {

        List<ServiceReplica> replicas(ChorusService service);

        boolean isRunning(ServiceReplica replica);

        /** The time of the build its running process was started from; empty when there was none. */
        Optional<Instant> runningBuild(ServiceReplica replica);

        /** The time of the build a start would run now; empty when there is none. */
        Optional<Instant> currentBuild(ChorusService service);

        void stopReplica(ServiceReplica replica);

        void startReplica(ServiceReplica replica) throws IOException, InterruptedException;
    }

    /** The answer to one request: whether all of it was done, and a line for each thing done or not. */
    record Answer(boolean ok, List<String> lines) {
    }

    static final Duration POLL = Duration.ofMillis(200);

    /** Holds the pid of the supervisor that answers: one started by an older local stack does not. */
    private static final String SERVING = "serving";

    private final Path directory;
    private final Control control;
    private final RepeatingTask task;

    StackRequests(StackHome home, Control control) {
        this.directory = directory(home);
        this.control = control;
        this.task = new RepeatingTask("chorus-stack-requests", POLL, this::answerWaiting);
    }

    /**
     * Answers requests on a thread of its own until {@link #stop()}, and says so to the asking side. What an earlier
     * supervisor left unanswered is dropped: a stop asked of it is not this stack's to carry out.
     */
    void start() throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path left : files.toList()) {
                Files.deleteIfExists(left);
            }
        }
        writeWhole(directory.resolve(SERVING), List.of(Long.toString(ProcessHandle.current().pid())));
        task.start();
    }

    /** Ends the answering, interrupting a start it is waiting on, so that nothing is started after it returns. */
    void stop() {
        task.stop();
    }

    /** Answers every request waiting, oldest name first. */
    void answerWaiting() throws IOException, InterruptedException {
        List<Path> waiting;
        try (Stream<Path> files = Files.list(directory)) {
            waiting = files.filter(f -> f.getFileName().toString().endsWith(".request")).sorted().toList();
        }
        for (Path request : waiting) {
            Answer answer = answer(Files.readAllLines(request, StandardCharsets.UTF_8));
            String id = request.getFileName().toString().replace(".request", "");
            List<String> lines = new ArrayList<>();
            lines.add(answer.ok() ? "OK" : "FAILED");
            lines.addAll(answer.lines());
            writeWhole(directory.resolve(id + ".done"), lines);
            Files.deleteIfExists(request);
        }
    }

    /** Does what the request's lines ask: the verb, then one service a line. */
    Answer answer(List<String> request) throws InterruptedException {
        List<ChorusService> services = new ArrayList<>();
        Verb verb;
        try {
            verb = Verb.valueOf(request.get(0).trim().toUpperCase(Locale.ROOT));
            for (String name : request.subList(1, request.size())) {
                services.add(ChorusService.named(name));
            }
        } catch (RuntimeException e) {
            return new Answer(false, List.of("not a request: " + String.join(" ", request)));
        }
        List<String> done = new ArrayList<>();
        boolean ok = true;
        for (ChorusService service : services) {
            for (ServiceReplica replica : control.replicas(service)) {
                ok &= switch (verb) {
                    case STOP -> stop(replica, done);
                    case REFRESH -> refresh(replica, done);
                };
            }
        }
        return new Answer(ok, done);
    }

    private boolean stop(ServiceReplica replica, List<String> done) {
        if (control.isRunning(replica)) {
            control.stopReplica(replica);
            done.add(replica.name() + " stopped");
            Log.info(replica.name() + " stopped, as asked");
        }
        return true;
    }

    private boolean refresh(ServiceReplica replica, List<String> done) throws InterruptedException {
        boolean running = control.isRunning(replica);
        Optional<Instant> current = control.currentBuild(replica.service());
        if (running && (current.isEmpty() || current.equals(control.runningBuild(replica)))) {
            return true;
        }
        String what = running ? "restarted with its new build" : "started";
        try {
            if (running) {
                control.stopReplica(replica);
            }
            control.startReplica(replica);
            done.add(replica.name() + " " + what);
            Log.info(replica.name() + " " + what + ", as asked");
            return true;
        } catch (IOException | RuntimeException e) {
            done.add(replica.name() + " could not be started: " + e.getMessage());
            Log.warn(replica.name() + " could not be started, as asked: " + e.getMessage());
            return false;
        }
    }

    /** Whether the supervisor answers requests: one started by an older local stack does not. */
    static boolean answeredBy(StackHome home, ProcessHandle supervisor) {
        try {
            return Files.readString(directory(home).resolve(SERVING), StandardCharsets.UTF_8).trim()
                    .equals(Long.toString(supervisor.pid()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the supervisor, waits for its answer and returns it; an empty answer when none came within the time or
     * the supervisor ended meanwhile.
     */
    static Optional<Answer> ask(StackHome home, Verb verb, List<ChorusService> services, Duration timeout,
            ProcessHandle supervisor) throws IOException, InterruptedException {
        Path directory = directory(home);
        Files.createDirectories(directory);
        String id = Instant.now().toEpochMilli() + "-" + UUID.randomUUID();
        List<String> lines = new ArrayList<>(List.of(verb.name()));
        services.forEach(service -> lines.add(service.module()));
        writeWhole(directory.resolve(id + ".request"), lines);
        Path done = directory.resolve(id + ".done");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(done)) {
            if (System.nanoTime() - deadline > 0 || !supervisor.isAlive()) {
                Files.deleteIfExists(directory.resolve(id + ".request"));
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
        List<String> answer = Files.readAllLines(done, StandardCharsets.UTF_8);
        Files.deleteIfExists(done);
        return Optional.of(new Answer(answer.get(0).equals("OK"), answer.subList(1, answer.size())));
    }

    private static Path directory(StackHome home) {
        return home.run().resolve("requests");
    }

    /** Whole, so that the other side never reads half of it. */
    private static void writeWhole(Path file, List<String> lines) throws IOException {
        StackFiles.writeWhole(file, String.join("\n", lines) + "\n");
    }
}
