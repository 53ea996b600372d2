package org.chorus.insight.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.activity.ProgrammeArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding as callers see it, with where, when and how it was heard taken from its activity. */
@Schema(name = "Finding", requiredProperties = { "id", "activityId", "organisationId", "statement", "themes",
        "proposedThemes", "sentiment", "quotes", "published", "heardOn", "placeCodes", "method", "createdAt",
        "updatedAt", "version" })
public record Finding(
        UUID id,
        UUID activityId,
        UUID organisationId,
        @Schema(examples = "A lack of support for mental health issues and lengthy waits for referrals") String statement,
        @Schema(examples = "[\"mental-health-support\", \"waiting-times\"]") List<String> themes,
        @Schema(examples = "[\"loneliness\"]") List<String> proposedThemes,
        Sentiment sentiment,
        @Schema(examples = "9") Integer participantCount,
        @Schema(examples = "[\"I waited eleven weeks to hear anything back about my referral.\"]") List<String> quotes,
        @Schema(description = "Only published findings are visible through publishable keys") boolean published,
        Instant publishedAt,
        @Schema(description = "The activity's start date") LocalDate heardOn,
        @Schema(examples = "[\"lancashire\"]") List<String> placeCodes,
        EngagementMethod method,
        ProgrammeArea programmeArea,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; the ETag names it") long version) {
}
