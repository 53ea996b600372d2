package org.chorus.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook receiver for tests, on 127.0.0.1: it verifies every delivery with the Standard Webhooks
 * reference library (answering 401 to one that does not verify, as a real receiver would), and can be "down"
 * (answering 503) for as many deliveries as a test says. Plain JDK, so that e2e tests can use it too.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A delivery as it arrived: its Standard Webhooks headers and body. */
    public record Delivery(String webhookId, String timestamp, String signature, String body) {

        /** The headers as the reference library reads them. */
        public Map<String, List<String>> headers() {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("webhook-id", List.of(webhookId));
            headers.put("webhook-timestamp", List.of(timestamp));
            headers.put("webhook-signature", List.of(signature));
            return headers;
        }
    }

    private final HttpServer server;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final List<Delivery> unverified = new CopyOnWriteArrayList<>();
    private final AtomicInteger downFor = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger goneFor = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile String secret;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where to subscribe. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The subscription's secret, shown once when subscribing; deliveries are verified with it. */
    public void verifyWith(String whsecSecret) {
        this.secret = whsecSecret;
    }

    /** Answers the next {@code deliveries} deliveries with 503, as a receiver that is down. */
    public void downFor(int deliveries) {
        downFor.set(deliveries);
    }

    /**
     * Closes the connection without a word for the next {@code deliveries} deliveries, as a receiver that has gone
     * away: the sender gets no answer at all, not even an error status.
     */
    public void goneFor(int deliveries) {
        goneFor.set(deliveries);
    }

    /** Deliveries whose connection was closed unanswered while gone. */
    public int dropped() {
        return dropped.get();
    }

    /** Deliveries verified and answered 204, in the order they arrived. */
    public List<Delivery> accepted() {
        return new ArrayList<>(accepted);
    }

    /** Deliveries answered 503 while down. */
    public int refused() {
        return refused.get();
    }

    /** Deliveries whose signature the reference library rejected. */
    public List<Delivery> unverified() {
        return new ArrayList<>(unverified);
    }

    /** Whether the reference library accepts this body under the delivery's headers and the secret. */
    public static boolean verifies(String whsecSecret, Delivery delivery, String body) {
        try {
            new Webhook(whsecSecret).verify(body, delivery.headers());
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("no secret to verify with", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            Delivery delivery = new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body);
            if (goneFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // Closing an exchange that sent no headers closes its connection: the sender reads no answer.
                dropped.incrementAndGet();
            } else if (downFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else if (secret != null && verifies(secret, delivery, body)) {
                accepted.add(delivery);
                exchange.sendResponseHeaders(204, -1);
            } else {
                unverified.add(delivery);
                exchange.sendResponseHeaders(401, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
