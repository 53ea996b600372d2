package org.chorus.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One replica of a Chorus service as `java -jar quarkus-run.jar`, configured only through the environment as in
 * production.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceReplica replica;
    private final StackSettings settings;
    private final StackHome home;
    private final Map<String, String> environment;
    private volatile ChildProcess process;

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
            case SURVEY, INSIGHT -> Map.of();
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

    void start() throws IOException {
        ChorusService service = replica.service();
        Path jar = settings.serviceJar(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first: ./mvnw package -DskipTests");
        }
        List<String> arguments = new ArrayList<>(settings.serviceJvmOptions());
        arguments.addAll(settings.jit().jvmOptions());
        arguments.addAll(List.of("-jar", jar.toString()));
        ChildProcess started = ChildProcess.startJava(replica.name(), arguments, environment, home);
        started.onUnexpectedExit(() -> Log.warn(replica.name() + " exited unexpectedly with code "
                + started.exitCode() + "; see " + started.log()));
        process = started;
    }

    /** Waits for {@code /q/health/ready} on the management port to answer 200. */
    void awaitReady(Duration timeout, BooleanSupplier aborted) throws InterruptedException {
        ChildProcess running = process;
        URI ready = managementUrl(settings.ports(), replica).resolve("/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            if (aborted.getAsBoolean()) {
                throw new IllegalStateException("Start of " + replica.name() + " abandoned: the stack is stopping");
            }
            if (!running.isAlive()) {
                throw new IllegalStateException(replica.name() + " exited with code " + running.exitCode()
                        + " while starting; see " + running.log());
            }
            last = probe(ready);
            if (last.equals("200")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(replica.name() + " was not ready after " + timeout.toSeconds()
                        + " s (" + ready + ": " + last + "); see " + running.log());
            }
            Thread.sleep(250);
        }
    }

    private static String probe(URI uri) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return Integer.toString(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    URI url() {
        return url(settings.ports(), replica);
    }

    boolean isRunning() {
        ChildProcess running = process;
        return running != null && running.isAlive();
    }

    long pid() {
        ChildProcess running = process;
        return running == null ? -1 : running.pid();
    }

    void stop() {
        ChildProcess running = process;
        if (running != null) {
            running.stop(Duration.ofSeconds(30));
        }
    }

    void kill() {
        ChildProcess running = process;
        if (running != null) {
            running.kill();
        }
    }
}
