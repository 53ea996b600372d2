package org.chorus.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** `./chorus status`: what of a stack's home is running, asked of the processes and ports themselves. */
public final class StackStatus {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PORT_TIMEOUT = Duration.ofSeconds(1);

    private StackStatus() {
    }

    /** Prints the status of the stack whose home is the only argument; exits 0 only if every part is up. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = args.length > 0 ? Path.of(args[0]) : StackSettings.findRepoRoot().resolve(".chorus");
        System.exit(print(new StackHome(root.toAbsolutePath())) ? 0 : 1);
    }

    static boolean print(StackHome home) throws IOException, InterruptedException {
        Optional<ProcessHandle> supervisor = supervisor(home);
        String state = Files.exists(home.stateFile())
                ? Files.readString(home.stateFile(), StandardCharsets.UTF_8).trim() : "never started";
        System.out.println("Chorus local stack in " + home.root() + ": "
                + supervisor.map(p -> state + " (supervisor pid " + p.pid() + ")").orElse("not running"));
        Properties ports = home.readPorts();
        Map<String, String> restarts = RestartJournal.of(home).summaries();
        boolean allUp = supervisor.isPresent();
        allUp &= line(StackDatabase.NAME, Leftovers.postmaster(home), ports, false, restarts);
        allUp &= line(KafkaBroker.NAME, Leftovers.recorded(home.pidFile(KafkaBroker.NAME)), ports, false, restarts);
        for (ChorusService service : ChorusService.values()) {
            for (String name : replicaNames(service, ports)) {
                allUp &= line(name, Leftovers.recorded(home.pidFile(name)), ports, true, restarts);
            }
        }
        return allUp;
    }

    /** The service's own name, then those of its further replicas that the ports file lists. */
    private static List<String> replicaNames(ChorusService service, Properties ports) {
        List<String> names = new ArrayList<>(List.of(service.module()));
        for (int number = 2; ports.containsKey(new ServiceReplica(service, number).name()); number++) {
            names.add(new ServiceReplica(service, number).name());
        }
        return names;
    }

    /** The supervisor, if its pid file names a live JVM running the local stack. */
    static Optional<ProcessHandle> supervisor(StackHome home) throws IOException {
        Path pidFile = home.root().resolve("local-stack.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().commandLine()
                    .map(line -> line.contains(LocalStack.class.getName())).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean line(String name, Optional<ProcessHandle> process, Properties ports, boolean http,
            Map<String, String> restarts) throws InterruptedException {
        String port = ports.getProperty(name);
        String managementPort = ports.getProperty(StackPorts.managementName(name));
        String pid = process.map(p -> "pid " + p.pid()).orElse("-");
        String where;
        String health;
        if (port == null) {
            where = "";
            health = process.isPresent() ? "running" : "not running";
        } else if (http) {
            where = "http://127.0.0.1:" + port;
            health = process.isPresent() && managementPort != null ? health(managementPort)
                    : process.isPresent() ? "running" : "not running";
        } else {
            where = "127.0.0.1:" + port;
            boolean accepting = process.isPresent() && ListenPorts.accepting(Integer.parseInt(port), PORT_TIMEOUT);
            health = process.isEmpty() ? "not running" : accepting ? "listening" : "not listening";
        }
        String restarted = restarts.containsKey(name) ? " (" + restarts.get(name) + ")" : "";
        System.out.printf("  %-27s %-11s %-24s %s%s%n", name, pid, where, health, restarted);
        return health.equals("ready") || health.equals("listening");
    }

    /**
     * Ready, and live: a service whose background loop an error stopped still answers, so readiness alone would hide
     * that its events no longer flow.
     */
    static String health(String managementPort) throws InterruptedException {
        URI management = URI.create("http://127.0.0.1:" + managementPort);
        HealthProbe.Answer ready = HealthProbe.ask(management, HealthProbe.READY, PROBE_TIMEOUT);
        if (!ready.answered()) {
            return "not answering";
        }
        if (!ready.ok()) {
            return "not ready (" + HealthProbe.READY + " answered " + ready + ")";
        }
        HealthProbe.Answer live = HealthProbe.ask(management, HealthProbe.LIVE, PROBE_TIMEOUT);
        if (!live.answered()) {
            return "not answering";
        }
        return live.ok() ? "ready"
                : "not live (" + HealthProbe.LIVE + " answered " + live + "; its log names the loop that stopped)";
    }
}
