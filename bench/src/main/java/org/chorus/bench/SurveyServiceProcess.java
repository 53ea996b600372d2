package org.chorus.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.TestInfrastructure;

/** The packaged survey service as its own process, on the benchmark's database and broker, with a small heap. */
final class SurveyServiceProcess implements AutoCloseable {

    static final String HEAP = "-Xmx256m";

    private final Process process;
    private final URI baseUri;
    private final URI managementUri;

    private SurveyServiceProcess(Process process, URI baseUri, URI managementUri) {
        this.process = process;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
    }

    static SurveyServiceProcess start(Path repoRoot, TestInfrastructure infrastructure, Path log)
            throws IOException, InterruptedException {
        Path jar = repoRoot.resolve("survey-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Package the survey service first: ./mvnw -o -pl survey-service package");
        }
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), HEAP, "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl());
        env.put("CHORUS_DB_USER", "chorus");
        env.put("CHORUS_DB_PASSWORD", "chorus");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("CHORUS_INTERNAL_TOKEN_PUBLIC_KEY", infrastructure.keys().publicKeyFile().toString());
        env.put("CHORUS_SURVEY_EXPORT_SETTLE", "0s");
        SurveyServiceProcess service = new SurveyServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + managementPort));
        service.awaitReady();
        return service;
    }

    URI baseUri() {
        return baseUri;
    }

    /** Processor time the service has used so far, all its threads together. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    /** Where its health and metrics are. */
    URI managementUri() {
        return managementUri;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The survey service exited during start; see its log");
            }
            try {
                HttpRequest ready = HttpRequest.newBuilder(managementUri.resolve("/q/health/ready")).build();
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The survey service did not become ready in 90 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
