package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.directory.organisation.OrganisationService;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.entity.OwnedEntity;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** An organisation's webhook subscriptions: made, read, rotated and deleted only by that organisation. */
@ApplicationScoped
public class WebhookService {

    private final WebhookSubscriptionRepository subscriptions;
    private final OrganisationService organisations;
    private final TargetGuard guard;
    private final AuditTrail audit;
    private final WebhookConfig config;

    public WebhookService(WebhookSubscriptionRepository subscriptions, OrganisationService organisations,
            TargetGuard guard, AuditTrail audit, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.organisations = organisations;
        this.guard = guard;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public IssuedWebhookSecret subscribe(Caller caller, WebhookInput input) {
        List<String> types = checkEventTypes(input.eventTypes());
        checkTarget(input.url());
        organisations.requireActive(caller.organisationId(), null);
        Instant now = StoredTime.now();
        WebhookSubscriptionEntity entity = new WebhookSubscriptionEntity();
        entity.id = UUID.randomUUID();
        entity.organisationId = caller.organisationId();
        entity.url = input.url().strip();
        entity.eventTypes = types;
        entity.secret = WebhookSignatures.newSecret();
        entity.createdAt = now;
        entity.updatedAt = now;
        subscriptions.persist(entity);
        subscriptions.flush();
        audit.record("webhook.subscribed", "webhook", entity.id, Map.of("eventTypes", String.join(" ", types)));
        return new IssuedWebhookSecret(WebhookSubscription.of(entity), entity.secret);
    }

    @Transactional
    public Page<WebhookSubscription> list(Caller caller, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<WebhookSubscriptionEntity> fetched = subscriptions.listByOrganisation(caller.organisationId(),
                Cursor.instantOf(after), Cursor.idOf(after), limit + 1);
        return Page.of(fetched, limit, s -> new Cursor(s.createdAt.toString(), s.id).encode())
                .map(WebhookSubscription::of);
    }

    @Transactional
    public WebhookSubscription get(Caller caller, UUID id) {
        return WebhookSubscription.of(owned(caller, id, false));
    }

    /** Deletes the subscription and its undelivered deliveries. */
    @Transactional
    public void delete(Caller caller, UUID id, String ifMatch) {
        WebhookSubscriptionEntity entity = owned(caller, id, true);
        ETags.requireMatch(ifMatch, entity.version);
        subscriptions.delete(entity);
        audit.record("webhook.deleted", "webhook", id, Map.of());
    }

    /**
     * A new secret signs from now on; the previous one signs beside it for a grace period, so that deliveries already
     * under way (and receivers not yet switched) still verify.
     */
    @Transactional
    public IssuedWebhookSecret rotateSecret(Caller caller, UUID id, String ifMatch) {
        WebhookSubscriptionEntity entity = owned(caller, id, true);
        ETags.requireMatch(ifMatch, entity.version);
        Instant now = StoredTime.now();
        entity.previousSecret = entity.secret;
        entity.previousSecretUntil = now.plus(config.previousSecretGrace());
        entity.secret = WebhookSignatures.newSecret();
        entity.updatedAt = now;
        subscriptions.flush();
        audit.record("webhook.secret-rotated", "webhook", id,
                Map.of("previousSecretUntil", entity.previousSecretUntil.toString()));
        return new IssuedWebhookSecret(WebhookSubscription.of(entity), entity.secret);
    }

    /** The caller's own subscription: another organisation's is 403 not-owner, as for every owned record. */
    WebhookSubscriptionEntity owned(Caller caller, UUID id, boolean forUpdate) {
        var found = forUpdate ? subscriptions.findForUpdate(id) : subscriptions.findByIdOptional(id);
        return OwnedEntity.changeableBy(caller, found, "Webhook subscription", id);
    }

    private void checkTarget(String url) {
        try {
            guard.check(url.strip());
        } catch (TargetGuard.RefusedTarget refused) {
            throw ProblemException.invalidField("/url", refused.getMessage());
        }
    }

    private static List<String> checkEventTypes(List<String> requested) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (WebhookEventType.named(requested.get(i)).isEmpty()) {
                errors.add(FieldError.body("/eventTypes/" + i, "unknown event type; expected one of "
                        + Arrays.stream(WebhookEventType.values()).map(WebhookEventType::partnerName)
                                .toList()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return requested.stream().distinct().sorted().toList();
    }
}
