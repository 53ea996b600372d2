package org.chorus.platform.events.contract;

import java.util.List;
import java.util.UUID;

/**
 * State of an organisation after a change, carried whole so that a consumer's replica is right after any one event.
 * It holds only what the partnership publishes about an organisation anyway; no contact details.
 *
 * @param rateLimits its own rate limits, or null for the gateway's defaults; events from before they existed lack it
 */
public record OrganisationData(
        UUID organisationId,
        String name,
        String type,
        String odsCode,
        List<String> placeCodes,
        List<String> allowedOrigins,
        boolean active,
        long version,
        RateLimitsData rateLimits) {
}
