package org.chorus.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A started stack: PostgreSQL, Kafka and the four services as processes, some perhaps as several replicas. Closing it
 * (or the JVM exiting) stops the services, then Kafka, then PostgreSQL. The failure methods let e2e tests take one
 * part away and bring it back.
 */
public final class RunningStack implements AutoCloseable, StackRequests.Control {

    private final StackSettings settings;
    private final StackHome home;
    private final Thread shutdownHook = new Thread(this::close, "chorus-local-stack-stop");
    private final Map<ServiceReplica, ServiceProcess> services = new LinkedHashMap<>();
    private volatile boolean closing;
    private FileChannel lockChannel;
    private Secrets secrets;
    private final StackDatabase postgres;
    private final StackBroker kafka;
    private ServiceWatch watch;

    RunningStack(StackSettings settings) {
        this(settings, null);
    }

    /** @param lock the home's lock if the caller holds it already, else null */
    RunningStack(StackSettings settings, FileChannel lock) {
        this.settings = settings;
        this.home = new StackHome(settings.home());
        this.lockChannel = lock;
        this.postgres = new StackDatabase(home, settings, () -> secrets.dbPassword(), () -> closing);
        this.kafka = new StackBroker(home, settings, () -> closing);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    void startAll() throws IOException, InterruptedException {
        home.create();
        if (lockChannel == null) {
            lockChannel = home.tryLock().orElseThrow(
                    () -> new IllegalStateException("Another local stack is running with home " + home.root()));
        }
        Leftovers.stop(home);
        settings.requireServiceJars();
        settings.ports().requireFree();
        secrets = Secrets.loadOrCreate(home);
        home.writePorts(settings.ports());
        RestartJournal.of(home).clear();
        startPostgres();
        startKafka();
        startServices(List.of(ChorusService.DIRECTORY, ChorusService.SURVEY, ChorusService.INSIGHT));
        startServices(List.of(ChorusService.GATEWAY));
    }

    boolean isClosing() {
        return closing;
    }

    public URI gatewayUrl() {
        return serviceUrl(ChorusService.GATEWAY);
    }

    /** The first administrator's key (scope {@code directory:manage}), with which tests issue the keys they need. */
    public String bootstrapAdminKey() {
        return secrets.bootstrapAdminKey();
    }

    /** The address of the service's first replica. */
    public URI serviceUrl(ChorusService service) {
        return serviceUrl(ServiceReplica.first(service));
    }

    public URI serviceUrl(ServiceReplica replica) {
        return ServiceProcess.url(settings.ports(), replica);
    }

    /** Where the replica serves its health and metrics ({@code /q/health}, {@code /q/metrics}). */
    public URI managementUrl(ServiceReplica replica) {
        return ServiceProcess.managementUrl(settings.ports(), replica);
    }

    /** The management address of the service's first replica. */
    public URI managementUrl(ChorusService service) {
        return managementUrl(ServiceReplica.first(service));
    }

    /** The service's replicas, the first first; one unless the settings asked for more. */
    @Override
    public List<ServiceReplica> replicas(ChorusService service) {
        return settings.ports().replicas(service);
    }

    /** Stops every replica of a service cleanly (SIGTERM) and waits until they have exited. */
    public void stopService(ChorusService service) {
        replicas(service).forEach(this::stopReplica);
    }

    /** Kills every replica of a service (SIGKILL), as a crash would. */
    public void killService(ChorusService service) {
        replicas(service).forEach(this::killReplica);
    }

    /** Starts the stopped replicas of a service again and waits until they are ready. */
    public void startService(ChorusService service) throws IOException, InterruptedException {
        for (ServiceReplica replica : replicas(service)) {
            startReplica(replica);
        }
    }

    @Override
    public void stopReplica(ServiceReplica replica) {
        process(replica).stop();
    }

    /** Kills one replica (SIGKILL), as a crash of one machine would; the others go on. */
    public void killReplica(ServiceReplica replica) {
        process(replica).kill();
    }

    /** Starts a stopped replica again and waits until it is ready. */
    @Override
    public void startReplica(ServiceReplica replica) throws IOException, InterruptedException {
        ServiceProcess process = process(replica);
        if (!process.isRunning()) {
            process.start();
            process.awaitReady(settings.readyTimeout(), () -> closing);
        }
    }

    @Override
    public boolean isRunning(ServiceReplica replica) {
        return process(replica).isRunning();
    }

    @Override
    public Optional<Instant> runningBuild(ServiceReplica replica) {
        return process(replica).build();
    }

    @Override
    public Optional<Instant> currentBuild(ChorusService service) {
        return StackFiles.modifiedAt(settings.serviceJar(service));
    }

    /** The replica's process id, or -1 if it was never started. */
    public long pid(ServiceReplica replica) {
        return process(replica).pid();
    }

    /**
     * From now on, restarts a service replica, the broker or PostgreSQL's postmaster that ends without being stopped
     * through this stack, and a replica whose liveness check keeps saying DOWN (see {@link ServiceWatch}); `./chorus
     * up` asks for it once the stack is up.
     */
    public synchronized void restartFailedParts() {
        if (watch == null && !closing) {
            List<ServiceWatch.Watched> parts = new ArrayList<>(List.of(postgres, kafka));
            parts.addAll(services.values());
            watch = new ServiceWatch(parts, ServiceWatch.Timing.of(settings.readyTimeout()), RestartJournal.of(home),
                    System::nanoTime);
            watch.start();
        }
    }

    /** The broker's process id, or -1 while it is not running. */
    public long kafkaPid() {
        return kafka.pid();
    }

    /** PostgreSQL's postmaster's process id, or -1 while it is not running. */
    public long postgresPid() {
        return postgres.pid();
    }

    /** Takes the broker away (a clean shutdown); producers keep their events in their outboxes meanwhile. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Kills the broker (SIGKILL), as a crash would; its next start recovers its logs. */
    public void killKafka() {
        kafka.kill();
    }

    public void startKafka() throws IOException, InterruptedException {
        kafka.start();
    }

    /** A clean shutdown; the services answer 503 for what needs it meanwhile. */
    public void stopPostgres() {
        postgres.stop();
    }

    public void startPostgres() throws IOException, InterruptedException {
        postgres.start();
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + settings.ports().kafka();
    }

    /** @param database "directory", "survey" or "insight" */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.ports().postgres() + "/" + database;
    }

    public String dbUser() {
        return PostgresServer.ROLE;
    }

    public String dbPassword() {
        return secrets.dbPassword();
    }

    /** The gateway's signing key, for tests that call a service directly with their own internal token. */
    public Path internalTokenPrivateKey() {
        return secrets.privateKeyPem();
    }

    public StackSettings settings() {
        return settings;
    }

    /** Stops services, then Kafka, then PostgreSQL. Safe to call more than once and from the shutdown hook. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        Log.info("stopping");
        if (watch != null) {
            watch.stop();
        }
        List<ChorusService> reverse = List.of(ChorusService.GATEWAY, ChorusService.INSIGHT, ChorusService.SURVEY,
                ChorusService.DIRECTORY);
        for (ChorusService service : reverse) {
            for (ServiceReplica replica : replicas(service)) {
                ServiceProcess process = services.get(replica);
                if (process != null && process.isRunning()) {
                    process.stop();
                    Log.info("stopped " + replica.name());
                }
            }
        }
        stopKafka();
        stopPostgres();
        releaseHome();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this is the hook
        }
        Log.info("stopped");
    }

    private void startServices(List<ChorusService> group) throws IOException, InterruptedException {
        List<ServiceReplica> replicas = new ArrayList<>();
        group.forEach(service -> replicas.addAll(replicas(service)));
        for (ServiceReplica replica : replicas) {
            ServiceProcess process = new ServiceProcess(replica, settings, home,
                    ServiceProcess.environment(replica, settings, secrets));
            // Under the lock, so that close() either sees this process or it is never started.
            synchronized (this) {
                if (closing) {
                    throw new IllegalStateException("The stack is stopping");
                }
                services.put(replica, process);
                process.start();
            }
            Log.info("started " + replica.name() + " (pid " + process.pid() + ")");
        }
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        for (ServiceReplica replica : replicas) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            services.get(replica).awaitReady(left, () -> closing);
            Log.info(replica.name() + " ready on " + serviceUrl(replica));
        }
    }

    private synchronized ServiceProcess process(ServiceReplica replica) {
        ServiceProcess process = services.get(replica);
        if (process == null) {
            throw new IllegalStateException(replica.name() + " was never started");
        }
        return process;
    }

    private void releaseHome() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
