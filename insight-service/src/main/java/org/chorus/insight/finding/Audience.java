package org.chorus.insight.finding;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chorus.insight.common.PublishableEntity;
import org.chorus.platform.query.Where;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Which findings a caller may see: analysts (insights:read) see all; an organisation that only writes sees the
 * published ones and its own drafts; a partner website's publishable key sees only what is published.
 *
 * @param everything sees unpublished findings of every organisation
 * @param ownOrganisation sees this organisation's unpublished findings too; null for none
 */
public record Audience(boolean everything, UUID ownOrganisation) {

    public static Audience of(Caller caller) {
        if (caller.has(Scopes.INSIGHTS_READ)) {
            return new Audience(true, null);
        }
        if (caller.has(Scopes.INSIGHTS_WRITE)) {
            return new Audience(false, caller.organisationId());
        }
        return new Audience(false, null);
    }

    public boolean sees(boolean published, UUID organisationId) {
        return everything || published || organisationId.equals(ownOrganisation);
    }

    /** The record if this audience sees it; 404 naming {@code kind} when it is missing or hidden from the audience. */
    public <E extends PublishableEntity> E visible(Optional<E> found, String kind, UUID id) {
        return found.filter(e -> sees(e.published, e.organisationId))
                .orElseThrow(() -> ProblemException.notFound(kind, id));
    }

    /** {@link #sees} as a condition on the rows of {@code table} (an alias, or the table's name). */
    public Where limit(Where where, String table) {
        if (everything) {
            return where;
        }
        if (ownOrganisation == null) {
            return where.and(table + ".published", Map.of());
        }
        return where.and("(" + table + ".published OR " + table + ".organisation_id = :own)",
                Map.of("own", ownOrganisation));
    }
}
