package org.chorus.gateway;

import java.util.Map;
import java.util.TreeMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Services with several replicas behind the gateway under test: the survey service as two answering replicas, the
 * directory as one replica that is down and one that answers, the insight service as one replica that closes every
 * reused connection, and a service whose every replica is down. Tests read what each replica received, and stop and
 * start replicas, through a control server, since the test and this resource may not share classes.
 */
public class ReplicaStubs implements QuarkusTestResourceLifecycleManager {

    /** The configuration key with the control server's base URL. */
    static final String CONTROL_URL = "test.replicas.control-url";
    /** The largest body the gateway under test holds for a retry; the tests send bodies on either side of it. */
    static final int REPLAYABLE_BYTES = 1024;
    /** The public path prefix of the service whose every replica is down. */
    static final String VANISHED_PREFIX = "/api/v1/vanished";

    private Vertx vertx;
    private final RefusingPorts refusing = new RefusingPorts();
    private final Map<String, ReplicaStub> replicas = new TreeMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (ReplicaStub replica : new ReplicaStub[] {
                ReplicaStub.answering(vertx, "survey-a"),
                ReplicaStub.answering(vertx, "survey-b"),
                ReplicaStub.answering(vertx, "directory-b"),
                ReplicaStub.closingReusedConnections(vertx, "insight") }) {
            replicas.put(replica.name(), StubServices.await(replica.start()));
        }
        int control = StubServices.await(vertx.createHttpServer().requestHandler(this::control).listen(0, "127.0.0.1"))
                .actualPort();
        return Map.ofEntries(
                Map.entry(CONTROL_URL, "http://127.0.0.1:" + control),
                Map.entry("chorus.gateway.services.survey.url", url("survey-a") + "," + url("survey-b")),
                Map.entry("chorus.gateway.services.directory.url", refusing.url() + "," + url("directory-b")),
                Map.entry("chorus.gateway.services.insight.url", url("insight")),
                Map.entry("chorus.gateway.services.vanished.url", refusing.url() + "," + refusing.url()),
                Map.entry("chorus.gateway.services.vanished.prefixes", VANISHED_PREFIX),
                Map.entry("chorus.gateway.upstream.replayable-body", Integer.toString(REPLAYABLE_BYTES)),
                // The gateway pools service connections per event loop, and each test request comes on a connection of
                // its own, so that one request finds idle the connection the one before it left only on a single loop.
                Map.entry("quarkus.vertx.event-loops-pool-size", "1"),
                Map.entry("chorus.gateway.upstream.retry-after", "3s"),
                Map.entry("chorus.gateway.upstream.timeout", "5s"));
    }

    /**
     * {@code GET /<replica>/deliveries?prefix=<request id prefix>}, {@code POST /<replica>/stop} and
     * {@code POST /<replica>/start}.
     */
    private void control(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        ReplicaStub replica = parts.length == 3 ? replicas.get(parts[1]) : null;
        if (replica == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        switch (parts[2]) {
            case "deliveries" -> request.response().putHeader("Content-Type", "application/json")
                    .end(replica.deliveries(request.getParam("prefix", "")).encode());
            case "stop" -> replica.stop().onComplete(stopped -> request.response()
                    .setStatusCode(stopped.succeeded() ? 204 : 500).end());
            case "start" -> replica.start().onComplete(started -> request.response()
                    .setStatusCode(started.succeeded() ? 204 : 500).end());
            default -> request.response().setStatusCode(404).end();
        }
    }

    private String url(String replica) {
        return replicas.get(replica).url();
    }

    @Override
    public void stop() {
        StubServices.close(vertx);
        refusing.close();
    }
}
