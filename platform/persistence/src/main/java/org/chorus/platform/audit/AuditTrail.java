package org.chorus.platform.audit;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.AuditEntryData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.ClientAddresses;

import io.quarkus.arc.Arc;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Records a security-relevant action for the system's audit log, in the transaction of the action itself: the
 * entry travels through the outbox to the partner directory, so no action is done without its entry.
 */
@ApplicationScoped
public class AuditTrail {

    private final Outbox outbox;
    private final Instance<Caller> caller;
    private final CurrentVertxRequest request;

    public AuditTrail(Outbox outbox, Instance<Caller> caller, CurrentVertxRequest request) {
        this.outbox = outbox;
        this.caller = caller;
        this.request = request;
    }

    /**
     * @param action what was done, e.g. {@code api-key.revoked}
     * @param subjectType what it was done to, e.g. {@code api-key}
     * @param details small facts worth keeping; never free text from respondents
     */
    public void record(String action, String subjectType, Object subjectId, Map<String, String> details) {
        record(actor(), action, subjectType, subjectId, details);
    }

    /**
     * Records on behalf of an actor taken earlier, for actions that end after their request has (a streamed export
     * learns its row count only once the last row is written).
     */
    public void record(Actor actor, String action, String subjectType, Object subjectId, Map<String, String> details) {
        UUID entryId = UUID.randomUUID();
        outbox.record(ChorusEventTypes.AUDIT_ENTRY_RECORDED, entryId, new AuditEntryData(entryId, action,
                actor.organisationId(), actor.keyId(), subjectType, subjectId == null ? null : subjectId.toString(),
                actor.clientAddress(), actor.requestId(), StoredTime.now(), Map.copyOf(details)));
    }

    /** Who is acting in the current request, kept for an entry recorded later. */
    public Actor actor() {
        Caller who = currentCaller();
        return new Actor(who == null ? null : who.organisationId(), who == null ? null : who.keyId(),
                clientAddress(who), RequestIds.current());
    }

    /** The organisation, key, address and request behind an action; any of them may be unknown (null). */
    public record Actor(UUID organisationId, UUID keyId, String clientAddress, String requestId) {
    }

    private Caller currentCaller() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            return caller.isResolvable() ? caller.get() : null;
        } catch (UnauthorizedException e) {
            return null;
        }
    }

    private String clientAddress(Caller who) {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        var current = request.getCurrent();
        if (current == null || current.request().remoteAddress() == null) {
            return null;
        }
        String address = current.request().remoteAddress().hostAddress();
        boolean organisation = who != null && who.usesSecretKey();
        return organisation ? address : ClientAddresses.network(address);
    }
}
