package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.chorus.platform.entity.OwnedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription row: where to send which events, and the secret(s) that sign them. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends OwnedEntity {

    @Column(nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_reason")
    public DisabledReason disabledReason;

    /** The secrets that sign a delivery made now: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
