package org.chorus.insight.finding;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organisation sends to record or correct a finding of one of its activities. */
@Schema(name = "FindingInput")
public record FindingInput(
        @NotNull @Schema(description = "The activity where it was heard; must be the calling organisation's") UUID activityId,
        @NotBlank @Size(max = 2000) @Schema(examples = "A lack of support for mental health issues and lengthy waits for referrals")
        String statement,
        @Size(max = 10) @Schema(description = "Theme codes from GET /api/v1/themes", examples = "[\"mental-health-support\", \"waiting-times\"]")
        List<@NotBlank String> themes,
        @Size(max = 5) @Schema(description = "New themes the taxonomy lacks, recorded as proposals", examples = "[\"loneliness\"]")
        List<@NotBlank @Size(max = 80) String> proposedThemes,
        @NotNull Sentiment sentiment,
        @Min(value = 0, message = "must be a whole number of people, 0 or more") @Max(1_000_000)
        @Schema(description = "How many participants raised it; at most the activity's participants", examples = "9")
        Integer participantCount,
        @Size(max = 20) @Schema(description = "Anonymous supporting quotes: no names, email addresses or phone numbers",
                examples = "[\"I waited eleven weeks to hear anything back about my referral.\"]")
        List<@NotBlank @Size(max = 1000) String> quotes) {

    public List<String> themesOrEmpty() {
        return themes == null ? List.of() : themes;
    }

    public List<String> quotesOrEmpty() {
        return quotes == null ? List.of() : quotes;
    }
}
