package org.chorus.directory.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.directory.webhook.DeliveryStore.Due;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.worker.RoundsWorker;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Posts due deliveries, signed as Standard Webhooks asks, on a thread per {@link SenderLane}. A round leases the next
 * delivery of several subscriptions in a short transaction, posts them side by side outside any transaction, and
 * records each answer in a transaction of its own: a partner deleting its subscription meanwhile waits for no post,
 * and one answer that cannot be recorded takes no other with it. A sender that stops before recording an answer
 * leaves a lease that runs out, and the delivery is sent again (at least once; the stable webhook-id lets a receiver
 * drop a repeat).
 * Redirects are not followed: a 3xx is a failed attempt, so a receiver cannot bounce Chorus onto an address the guard
 * would refuse.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** What one attempt came to: an answer's status code, or why there was none. */
    record Outcome(Integer statusCode, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final WebhookConfig config;
    private final DeliveryStore deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final SubscriptionHealth health;
    private final TargetGuard guard;
    private final RetrySchedule schedule;
    private final List<RoundsWorker> workers;
    private final HttpClient client;
    /** Host lookups, which the JDK makes blocking: one thread per delivery a round may send in each lane. */
    private final ExecutorService lookups;

    public WebhookSender(WebhookConfig config, DeliveryStore deliveries, WebhookSubscriptionRepository subscriptions,
            SubscriptionHealth health, TargetGuard guard) {
        this.config = config;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.health = health;
        this.guard = guard;
        this.schedule = RetrySchedule.of(config);
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(config.sendTimeout()).build();
        AtomicInteger lookupThreads = new AtomicInteger();
        this.lookups = Executors.newFixedThreadPool(config.batchSize() * SenderLane.values().length, lookup -> {
            Thread thread = new Thread(lookup, "chorus-webhook-lookup-" + lookupThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.workers = Arrays.stream(SenderLane.values()).map(lane -> new RoundsWorker(lane.threadName(),
                config.pollInterval(), Duration.ofSeconds(2), LOG, () -> sendRound(lane))).toList();
    }

    void start(@Observes StartupEvent startup) {
        if (config.senderEnabled()) {
            workers.forEach(RoundsWorker::start);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        for (RoundsWorker worker : workers) {
            worker.stop();
        }
        lookups.shutdownNow();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void wake() {
        workers.forEach(RoundsWorker::wake);
    }

    private boolean sendRound(SenderLane lane) {
        Instant now = StoredTime.now();
        UUID lease = UUID.randomUUID();
        List<Leased> leased = QuarkusTransaction.requiringNew().call(() -> lease(lane, now, lease));
        List<CompletableFuture<Outcome>> attempts = leased.stream()
                .map(l -> attempt(l.delivery(), l.subscription(), now)).toList();
        RuntimeException unrecorded = null;
        for (int i = 0; i < leased.size(); i++) {
            Leased delivery = leased.get(i);
            Outcome outcome = attempts.get(i).join();
            try {
                QuarkusTransaction.requiringNew().run(() -> record(delivery, lease, outcome, StoredTime.now()));
            } catch (RuntimeException e) {
                // this answer's lease runs out and it is sent again; the others are recorded all the same
                unrecorded = unrecorded == null ? e : unrecorded;
            }
        }
        if (unrecorded != null) {
            throw unrecorded;
        }
        return leased.size() == config.batchSize();
    }

    /** A delivery leased for this round, with the subscription it goes to. */
    private record Leased(Due delivery, WebhookSubscriptionEntity subscription) {
    }

    /**
     * Leases the lane's due deliveries for longer than an attempt can take (lookup included), with room for the
     * answers to be recorded.
     */
    private List<Leased> lease(SenderLane lane, Instant now, UUID lease) {
        Instant leasedUntil = now.plus(config.sendTimeout().multipliedBy(2)).plusSeconds(30);
        List<Due> due = deliveries.leaseDue(lane, config.batchSize(), now, lease, leasedUntil);
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, WebhookSubscriptionEntity> byId = subscriptions
                .list("id in ?1", due.stream().map(Due::subscriptionId).distinct().toList())
                .stream().collect(Collectors.toMap(s -> s.id, s -> s));
        return due.stream().map(d -> new Leased(d, byId.get(d.subscriptionId()))).toList();
    }

    /**
     * Looks the host up on a thread of {@link #lookups}, then posts: the attempt as a whole, lookup included, is
     * bounded by the send timeout, so a partner whose DNS answers slowly or never holds up only its own delivery, not
     * the round's others.
     */
    private CompletableFuture<Outcome> attempt(Due delivery, WebhookSubscriptionEntity subscription, Instant now) {
        long timestamp = now.getEpochSecond();
        String signature = WebhookSignatures.sign(subscription.signingSecrets(now), delivery.eventId(), timestamp,
                delivery.body());
        String url = subscription.url;
        long timeout = config.sendTimeout().plusSeconds(1).toNanos();
        long deadline = System.nanoTime() + timeout;
        return CompletableFuture.supplyAsync(() -> checked(url), lookups)
                // a lookup that answered after the attempt timed out must not post what is recorded as not sent
                .thenCompose(target -> System.nanoTime() - deadline >= 0
                        ? CompletableFuture.failedFuture(new TimeoutException("the host lookup outlasted the attempt"))
                        : client.sendAsync(request(target, delivery, timestamp, signature),
                                HttpResponse.BodyHandlers.discarding()))
                .orTimeout(timeout, TimeUnit.NANOSECONDS)
                .handle((response, failure) -> failure == null ? new Outcome(response.statusCode(), null)
                        : new Outcome(null, describe(failure)));
    }

    private HttpRequest request(URI target, Due delivery, long timestamp, String signature) {
        return HttpRequest.newBuilder(target)
                .timeout(config.sendTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Chorus-Webhooks/1")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
    }

    private URI checked(String url) {
        try {
            return guard.check(url);
        } catch (TargetGuard.RefusedTarget refused) {
            throw new CompletionException(refused);
        }
    }

    /** Records the answer, and counts it for the subscription's health, unless the delivery is no longer ours. */
    private void record(Leased leased, UUID lease, Outcome outcome, Instant now) {
        Due delivery = leased.delivery();
        WebhookSubscriptionEntity subscription = leased.subscription();
        if (!deliveries.lockSubscription(subscription.id)) {
            return;
        }
        if (outcome.succeeded()) {
            if (deliveries.delivered(delivery.id(), lease, outcome.statusCode(), now)) {
                health.succeeded(subscription.id);
            }
            return;
        }
        Instant firstAttempt = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        Instant next = schedule.next(delivery.attempts() + 1, firstAttempt, now).orElse(null);
        if (deliveries.failed(delivery.id(), lease, outcome.statusCode(), outcome.error(), now, next)) {
            health.failed(subscription.id, subscription.organisationId, now);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TargetGuard.RefusedTarget refused) {
            return "refused: url " + refused.getMessage();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String described = cause.getClass().getSimpleName() + message;
        return described.length() > 300 ? described.substring(0, 300) : described;
    }
}
