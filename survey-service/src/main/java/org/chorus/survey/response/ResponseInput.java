package org.chorus.survey.response;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed survey as a website or a member of staff submits it. */
@Schema(name = "ResponseInput")
public record ResponseInput(
        @Schema(description = "Websites leave it out (ONLINE). Staff entering a response for someone say how it "
                + "was given: PHONE, PAPER, EASY_READ or EVENT") Channel channel,
        @Size(max = 200) @Schema(description = "Staff only: who entered it, e.g. initials or a staff reference",
                examples = "Comms team - JB") String enteredBy,
        @NotNull @Size(max = 500) @Schema(description = "Answers by question id; unanswered questions left out",
                examples = "{\"rank-priorities\": {\"ranking\": [\"living-prevention\"]}, \"other-feedback\": {\"text\": \"More GP appointments\"}}")
        Map<String, @NotNull @Valid Answer> answers,
        @Valid @Schema(description = "Only for respondents who ask to be contacted, and only with their consent")
        Contact contact) {
}
