package org.chorus.insight.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An engagement activity as callers see it. */
@Schema(name = "Activity", requiredProperties = { "id", "organisationId", "title", "method", "startDate", "endDate",
        "placeCodes", "participantCount", "groupsReached", "stakeholderGroup", "createdAt", "updatedAt", "version" })
public record Activity(
        UUID id,
        @Schema(description = "The organisation that ran it") UUID organisationId,
        @Schema(examples = "HWL-2019-FG-07") String reference,
        @Schema(examples = "Focus group with young carers on emotional wellbeing apps") String title,
        EngagementMethod method,
        LocalDate startDate,
        LocalDate endDate,
        @Schema(examples = "[\"lancashire\"]") List<String> placeCodes,
        @Schema(examples = "14") int participantCount,
        @Schema(description = "Lower case, single-spaced", examples = "[\"young carers\", \"lgbt+\"]") List<String> groupsReached,
        StakeholderGroup stakeholderGroup,
        LadderRung ladderRung,
        ProgrammeArea programmeArea,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; the ETag names it") long version) {
}
