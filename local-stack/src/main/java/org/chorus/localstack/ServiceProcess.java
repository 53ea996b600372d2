package org.chorus.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One replica of a Chorus service as `java -jar quarkus-run.jar`, configured only through the environment as in
 * production.
 */
final class ServiceProcess implements ServiceWatch.Watched {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServiceReplica replica;
    private final StackSettings settings;
    private final StackHome home;
    private final Map<String, String> environment;
    private volatile ChildProcess process;
    /** The time of the jar it last started, so that a newer build can be told from the one that runs. */
    private volatile Optional<Instant> build = Optional.empty();
    /** Started and not stopped or killed since: whether the supervisor's watch should bring it back. */
    private boolean wanted;

    ServiceProcess(ServiceReplica replica, StackSettings settings, StackHome home, Map<String, String> environment) {
        this.replica = replica;
        this.settings = settings;
        this.home = home;
        this.environment = environment;
    }

    /**
     * The environment a replica gets: the same variables the Dockerfiles and docker-compose.yml use. Replicas of one
     * service differ only in their ports (API and management); the gateway gets every replica's address,
     * comma-separated.
     */
    static Map<String, String> environment(ServiceReplica replica, StackSettings settings, Secrets secrets) {
        ChorusService service = replica.service();
        StackPorts ports = settings.ports();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.of(replica)));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.managementOf(replica)));
        env.put("CHORUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.put("CHORUS_INTERNAL_TOKEN_PUBLIC_KEY", secrets.publicKeyPem().toString());
        // the gateway's address, which links the API hands out (Location, Link, webhook payloads) lead back to
        env.put("CHORUS_PUBLIC_URL", url(ports, ServiceReplica.first(ChorusService.GATEWAY)).toString());
        service.database().ifPresent(database -> {
            env.put("CHORUS_DB_HOST", "127.0.0.1");
            env.put("CHORUS_DB_PORT", Integer.toString(ports.postgres()));
            env.put("CHORUS_DB_NAME", database);
            env.put("CHORUS_DB_USER", PostgresServer.ROLE);
            env.put("CHORUS_DB_PASSWORD", secrets.dbPassword());
        });
        env.putAll(switch (service) {
            // A developer's webhook receiver runs on this machine: the local stack lets it through, over http.
            case DIRECTORY -> Map.of("CHORUS_BOOTSTRAP_ADMIN_KEY", secrets.bootstrapAdminKey(),
                    "CHORUS_WEBHOOKS_ALLOW_LOOPBACK", "true");
            case GATEWAY -> Map.of("CHORUS_INTERNAL_TOKEN_PRIVATE_KEY", secrets.privateKeyPem().toString(),
                    "CHORUS_DIRECTORY_URL", urls(ports, ChorusService.DIRECTORY),
                    "CHORUS_SURVEY_URL", urls(ports, ChorusService.SURVEY),
                    "CHORUS_INSIGHT_URL", urls(ports, ChorusService.INSIGHT));
            // The partnership's shared data sits beside the checkout; a service's working directory is the stack's home.
            case SURVEY -> Map.of("CHORUS_SURVEY_CODING_FRAMEWORK_FILE", settings.repoRoot()
                    .resolveSibling("shared/data/coding-frames/nhs-patient-experience.csv").toString());
            case INSIGHT -> Map.of();
        });
        env.putAll(settings.serviceEnv().getOrDefault(service, Map.of()));
        return env;
    }

    private static String urls(StackPorts ports, ChorusService service) {
        return String.join(",", ports.replicas(service).stream().map(r -> url(ports, r).toString()).toList());
    }

    static URI url(StackPorts ports, ServiceReplica replica) {
        return URI.create("http://127.0.0.1:" + ports.of(replica));
    }

    /** Where the replica serves /q/health and /q/metrics: its management interface, not its API port. */
    static URI managementUrl(StackPorts ports, ServiceReplica replica) {
        return URI.create("http://127.0.0.1:" + ports.managementOf(replica));
    }

    synchronized void start() throws IOException {
        ChorusService service = replica.service();
        Path jar = settings.serviceJar(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first: ./mvnw package -DskipTests");
        }
        List<String> arguments = new ArrayList<>(settings.serviceJvmOptions());
        arguments.addAll(settings.jit().jvmOptions());
        arguments.addAll(List.of("-jar", jar.toString()));
        build = StackFiles.modifiedAt(jar);
        ChildProcess started = ChildProcess.startJava(replica.name(), arguments, environment, home);
        started.onUnexpectedExit(() -> Log.warn(replica.name() + " exited unexpectedly with code "
                + started.exitCode() + "; see " + started.log()));
        process = started;
        wanted = true;
    }

    /** Waits for {@code /q/health/ready} on the management port to answer 200. */
    void awaitReady(Duration timeout, BooleanSupplier aborted) throws InterruptedException {
        ChildProcess running = process;
        URI management = managementUrl(settings.ports(), replica);
        long deadline = System.nanoTime() + timeout.toNanos();
        HealthProbe.Answer last;
        while (true) {
            if (aborted.getAsBoolean()) {
                throw new IllegalStateException("Start of " + replica.name() + " abandoned: the stack is stopping");
            }
            if (!running.isAlive()) {
                throw new IllegalStateException(replica.name() + " exited with code " + running.exitCode()
                        + " while starting; see " + running.log());
            }
            last = ready();
            if (last.ok()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(replica.name() + " was not ready after " + timeout.toSeconds()
                        + " s (" + management.resolve(HealthProbe.READY) + ": " + last + "); see " + running.log());
            }
            Thread.sleep(250);
        }
    }

    /** The time of the jar it last started; empty if it never started. */
    Optional<Instant> build() {
        return build;
    }

    URI url() {
        return url(settings.ports(), replica);
    }

    boolean isRunning() {
        ChildProcess running = process;
        return running != null && running.isAlive();
    }

    @Override
    public long pid() {
        ChildProcess running = process;
        return running == null ? -1 : running.pid();
    }

    synchronized void stop() {
        wanted = false;
        ChildProcess running = process;
        if (running != null) {
            running.stop(STOP_GRACE);
        }
    }

    synchronized void kill() {
        wanted = false;
        ChildProcess running = process;
        if (running != null) {
            running.kill();
        }
    }

    @Override
    public String name() {
        return replica.name();
    }

    /** How a process that ended while wanted ended (a crash, the OOM killer, a kill from outside): its exit code. */
    @Override
    public synchronized Optional<String> ended() {
        ChildProcess running = process;
        return wanted && running != null && !running.isAlive()
                ? Optional.of("exited with code " + running.exitCode()) : Optional.empty();
    }

    /** Whether it was started and nobody has stopped it on purpose since. */
    @Override
    public synchronized boolean wanted() {
        return wanted;
    }

    @Override
    public HealthProbe.Answer ready() throws InterruptedException {
        return HealthProbe.ask(managementUrl(settings.ports(), replica), HealthProbe.READY, PROBE_TIMEOUT);
    }

    @Override
    public HealthProbe.Answer live() throws InterruptedException {
        return HealthProbe.ask(managementUrl(settings.ports(), replica), HealthProbe.LIVE, PROBE_TIMEOUT);
    }

    /**
     * Stops the process if it still runs (SIGTERM, then SIGKILL after the grace period) and starts a new one, unless
     * it was stopped on purpose meanwhile. Does not wait for it to be ready.
     *
     * @return false when it was stopped on purpose, so nothing was started
     */
    @Override
    public synchronized boolean restart() throws IOException {
        if (!wanted) {
            return false;
        }
        ChildProcess running = process;
        if (running != null && running.isAlive()) {
            running.stop(STOP_GRACE);
        }
        if (Thread.currentThread().isInterrupted()) {
            // the stack is closing: it stops what runs, and would find nothing new to stop
            return false;
        }
        start();
        return true;
    }
}
