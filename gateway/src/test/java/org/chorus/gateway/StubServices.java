package org.chorus.gateway;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Real HTTP servers standing in for the directory and survey services, on free ports, and an address where nothing
 * listens standing in for a stopped insight service. The gateway under test is pointed at them, and also listens
 * with TLS on a port of its own, as it does behind no TLS-terminating proxy.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** How long the gateway under test waits for a silent service. */
    static final int TIMEOUT_SECONDS = 5;

    private Vertx vertx;
    private final RefusingPorts refusing = new RefusingPorts();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int directory = StubService.start(vertx, "directory", StubService.directoryDocument());
        int survey = StubService.start(vertx, "survey", StubService.surveyDocument());
        Path keyStore = TestTls.selfSignedKeyStore();
        return Map.ofEntries(
                // A named TLS configuration for the API port alone: the default one would be the management
                // interface's too, and health and metrics stay plain HTTP on the loopback.
                Map.entry("quarkus.tls.api.key-store.p12.path", keyStore.toString()),
                Map.entry("quarkus.tls.api.key-store.p12.password", TestTls.PASSWORD),
                Map.entry("quarkus.http.tls-configuration-name", "api"),
                Map.entry("quarkus.http.test-ssl-port", "0"),
                Map.entry("chorus.gateway.services.directory.url", "http://127.0.0.1:" + directory),
                Map.entry("chorus.gateway.services.survey.url", "http://127.0.0.1:" + survey),
                Map.entry("chorus.gateway.services.insight.url", refusing.url()),
                // Short enough for a quick timeout test, long enough for BodyLimitTest to stream 20 MB through the
                // gateway before the survey stub, still waiting for the body's end, counts as silent on a busy machine.
                Map.entry("chorus.gateway.upstream.timeout", StubServices.TIMEOUT_SECONDS + "s"));
    }

    @Override
    public void stop() {
        close(vertx);
        refusing.close();
    }

    /** Closes the stubs' own Vert.x instance, if it was started. */
    static void close(Vertx vertx) {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the test JVM is ending; nothing else shares this Vert.x instance
            }
        }
    }

    /** Waits for a stub server to start. */
    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("A stub server did not start", e);
        }
    }
}
