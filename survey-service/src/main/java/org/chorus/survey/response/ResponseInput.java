package org.chorus.survey.response;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.survey.definition.Text;
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
        Contact contact,
        @Pattern(regexp = LANGUAGE, message = "must be a language tag such as en or cy")
        @Schema(description = "The language the respondent read the survey in, one the survey is written in; en when "
                + "absent. Exports record it with each response", examples = "cy") String language) {

    /** A primary language tag, as surveys key their texts. */
    static final String LANGUAGE = "[a-z]{2,3}";

    /** The language given, or English, which every survey is written in. */
    String languageOrEnglish() {
        return language == null ? Text.ENGLISH : language;
    }
}
