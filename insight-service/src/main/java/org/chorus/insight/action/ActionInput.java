package org.chorus.insight.action;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organisation sends to record or update a "you said, we did" action. */
@Schema(name = "ActionInput")
public record ActionInput(
        @NotBlank @Size(max = 300) @Schema(examples = "Faster mental health referrals") String title,
        @NotBlank @Size(max = 4000) @Schema(examples = "A single point of access for mental health referrals, answering "
                + "every referral within two weeks") String decision,
        @NotEmpty @Size(max = 100) @Schema(description = "The findings it answers") List<@NotNull UUID> findingIds,
        @NotNull ActionStatus status,
        @Size(max = 2000) @Schema(description = "Required when the status is NOT_TAKEN_FORWARD") String reason,
        @NotNull @Schema(examples = "2020-02-01") LocalDate decidedOn,
        @Schema(examples = "2020-09-30") LocalDate dueOn,
        LocalDate completedOn) {
}
