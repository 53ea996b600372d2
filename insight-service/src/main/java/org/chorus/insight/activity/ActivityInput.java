package org.chorus.insight.activity;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organisation sends to record or correct one of its engagement activities. */
@Schema(name = "ActivityInput")
public record ActivityInput(
        @Size(max = 100) @Schema(description = "The organisation's own reference; unique within the organisation, "
                + "used by uploads to update instead of duplicating", examples = "HWL-2019-FG-07") String reference,
        @NotBlank @Size(max = 300) @Schema(examples = "Focus group with young carers on emotional wellbeing apps") String title,
        @NotNull EngagementMethod method,
        @NotNull @Schema(examples = "2019-03-14") LocalDate startDate,
        @Schema(description = "Defaults to the start date; never before it", examples = "2019-03-14") LocalDate endDate,
        @NotEmpty @Size(max = 50) @Schema(description = "Codes of the places where people were heard",
                examples = "[\"lancashire\"]") List<@NotBlank String> placeCodes,
        @NotNull @Min(value = 0, message = "must be a whole number of people, 0 or more")
        @Max(value = 1_000_000, message = "must be at most 1000000") @Schema(examples = "14") Integer participantCount,
        @Size(max = 30) @Schema(description = "Free tags naming the communities reached, as people define them",
                examples = "[\"young carers\", \"LGBT+\"]") List<@NotBlank @Size(max = 80) String> groupsReached,
        @Schema(description = "Defaults to SERVICE_USERS_AND_PUBLIC") StakeholderGroup stakeholderGroup,
        LadderRung ladderRung,
        ProgrammeArea programmeArea) {

    public LocalDate endDateOrStart() {
        return endDate == null ? startDate : endDate;
    }

    public StakeholderGroup stakeholderGroupOrDefault() {
        return stakeholderGroup == null ? StakeholderGroup.SERVICE_USERS_AND_PUBLIC : stakeholderGroup;
    }
}
