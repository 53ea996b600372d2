package org.chorus.directory.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code webhook_delivery} table, in the caller's transaction. Each subscription's deliveries are a queue ordered
 * by {@code seq}: only its oldest PENDING delivery is ever due, so a receiver sees them in order, and a delivery is
 * leased for an attempt (picked with {@code FOR UPDATE SKIP LOCKED}) so that senders in several replicas never send
 * one twice at once, while nothing stays locked during the post.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String ENQUEUE = """
            INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status, next_attempt_at,
                                          created_at)
            VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)
            ON CONFLICT (subscription_id, event_id) DO NOTHING""";
    /**
     * Leases the due head of up to a number of subscriptions' queues in a lane; the lane's condition goes where
     * {@code %s} stands. A head already leased is not due until its lease runs out.
     */
    private static final String LEASE_DUE = """
            WITH due AS (
                SELECT d.id FROM webhook_delivery d
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND %s
                  AND (d.leased_until IS NULL OR d.leased_until <= ?)
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                  WHERE e.subscription_id = d.subscription_id AND e.status = 'PENDING'
                                    AND e.seq < d.seq)
                ORDER BY d.next_attempt_at
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_delivery w SET lease_id = ?, leased_until = ?
            FROM due WHERE w.id = due.id
            RETURNING w.id, w.subscription_id, w.event_id, w.body, w.attempts, w.first_attempt_at""";
    /**
     * The answers are recorded only under the lease they were sent with, and only while the delivery waits: not once
     * its subscription is deleted or disabled, nor after another sender took it over when the lease ran out.
     */
    private static final String DELIVERED = """
            UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status_code = ?,
                   last_error = NULL, first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?,
                   next_attempt_at = NULL, lease_id = NULL, leased_until = NULL
            WHERE id = ? AND lease_id = ? AND status = 'PENDING'""";
    private static final String FAILED = """
            UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?,
                   first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?, next_attempt_at = ?,
                   lease_id = NULL, leased_until = NULL
            WHERE id = ? AND lease_id = ? AND status = 'PENDING'""";
    private static final String LOCK_SUBSCRIPTION = """
            SELECT 1 FROM webhook_subscription WHERE id = ? FOR NO KEY UPDATE""";
    private static final String GIVE_UP_PENDING = """
            UPDATE webhook_delivery SET status = 'GIVEN_UP', next_attempt_at = NULL
            WHERE subscription_id = ? AND status = 'PENDING'""";
    private static final String REDELIVER = """
            UPDATE webhook_delivery
            SET seq = CASE WHEN status = 'PENDING' THEN seq ELSE nextval('webhook_delivery_seq_seq') END,
                status = 'PENDING', first_attempt_at = NULL, next_attempt_at = ?
            WHERE id = ? AND subscription_id = ?""";
    private static final String LOG = """
            SELECT id, event_id, event_type, status, attempts, last_status_code, last_error, last_attempt_at,
                   next_attempt_at, created_at, seq
            FROM webhook_delivery
            WHERE subscription_id = ? AND seq < ?
            ORDER BY seq DESC
            LIMIT ?""";

    /** A delivery claimed for an attempt. */
    public record Due(UUID id, UUID subscriptionId, String eventId, String body, int attempts, Instant firstAttemptAt) {
    }

    /** One statement's work on the transaction's connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final DataSource dataSource;

    public DeliveryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues an event for a subscription, due now; the same event twice is queued once. */
    public void enqueue(UUID subscriptionId, String eventId, WebhookEventType type, String body, Instant now) {
        run(ENQUEUE, s -> {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, subscriptionId);
            s.setString(3, eventId);
            s.setString(4, type.partnerName());
            s.setString(5, body);
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(now));
            return s.executeUpdate();
        });
    }

    /**
     * Leases to {@code lease}, until {@code leasedUntil}, the due head of up to {@code limit} subscriptions' queues in
     * the lane; senders in other replicas skip them meanwhile.
     */
    public List<Due> leaseDue(SenderLane lane, int limit, Instant now, UUID lease, Instant leasedUntil) {
        return run(LEASE_DUE.formatted(lane.condition()), s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            s.setInt(3, limit);
            s.setObject(4, lease);
            s.setTimestamp(5, Timestamp.from(leasedUntil));
            List<Due> due = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getInt(5), instant(rows.getTimestamp(6))));
                }
            }
            return due;
        });
    }

    /**
     * Locks a subscription before an answer to one of its deliveries is recorded, as a DELETE of it and a redelivery
     * lock theirs: the subscription first, its deliveries then. Recording the answer locks the delivery and then
     * counts it for the subscription's health; without this, a DELETE in between waited for the one while holding
     * the other, and PostgreSQL broke the deadlock by failing one of the two.
     *
     * @return false when the subscription is gone, and its deliveries with it
     */
    public boolean lockSubscription(UUID subscriptionId) {
        return run(LOCK_SUBSCRIPTION, s -> {
            s.setObject(1, subscriptionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        });
    }

    /**
     * @return false when the answer is not recorded: the subscription was deleted or disabled meanwhile, or the
     *         lease ran out and another sender took the delivery over
     */
    public boolean delivered(UUID id, UUID lease, int statusCode, Instant now) {
        return run(DELIVERED, s -> {
            s.setInt(1, statusCode);
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, id);
            s.setObject(5, lease);
            return s.executeUpdate() == 1;
        });
    }

    /**
     * @param next when to try again, or null to give up
     * @return false when the answer is not recorded, as for {@link #delivered}
     */
    public boolean failed(UUID id, UUID lease, Integer statusCode, String error, Instant now, Instant next) {
        return run(FAILED, s -> {
            s.setString(1, (next == null ? DeliveryStatus.GIVEN_UP : DeliveryStatus.PENDING).name());
            s.setObject(2, statusCode, Types.INTEGER);
            s.setString(3, error);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, next == null ? null : Timestamp.from(next));
            s.setObject(7, id);
            s.setObject(8, lease);
            return s.executeUpdate() == 1;
        });
    }

    /** Gives up every delivery still waiting for a subscription that was disabled. */
    public void giveUpPending(UUID subscriptionId) {
        run(GIVE_UP_PENDING, s -> {
            s.setObject(1, subscriptionId);
            return s.executeUpdate();
        });
    }

    /**
     * Queues a delivered or given-up delivery again, due now, at the back of its subscription's queue, with a new
     * retry period; its webhook-id stays the same, so a receiver that has it already can tell. One still waiting keeps
     * its place and is tried at once.
     *
     * @return false when there is no such delivery of that subscription
     */
    public boolean redeliver(UUID subscriptionId, UUID deliveryId, Instant now) {
        return run(REDELIVER, s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, deliveryId);
            s.setObject(3, subscriptionId);
            return s.executeUpdate() == 1;
        });
    }

    /** A logged delivery with its queue position, which pages the log. */
    public record Logged(WebhookDelivery delivery, long seq) {
    }

    /**
     * A page of a subscription's deliveries, last queued first (a redelivery is queued anew), before the queue
     * position of the previous page's last.
     */
    public List<Logged> log(UUID subscriptionId, Long beforeSeq, int limit) {
        return run(LOG, s -> {
            s.setObject(1, subscriptionId);
            s.setLong(2, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
            s.setInt(3, limit);
            List<Logged> page = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int code = r.getInt(6);
                    Integer lastCode = r.wasNull() ? null : code;
                    page.add(new Logged(new WebhookDelivery(r.getObject(1, UUID.class), r.getString(2),
                            r.getString(3), DeliveryStatus.valueOf(r.getString(4)), r.getInt(5), lastCode,
                            r.getString(7), instant(r.getTimestamp(8)), instant(r.getTimestamp(9)),
                            instant(r.getTimestamp(10))), r.getLong(11)));
                }
            }
            return page;
        });
    }

    private <T> T run(String sql, Work<T> work) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("webhook deliveries not reachable: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
