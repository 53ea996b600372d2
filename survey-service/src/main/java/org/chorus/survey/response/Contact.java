package org.chorus.survey.response;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How to reach a respondent who asked to be contacted. Personal data: kept only with consent, apart from the answers,
 * never sent in events, and exported only on request to the survey's own organisation with contacts:read.
 */
@Schema(name = "Contact")
public record Contact(
        @Size(max = 200) @Schema(examples = "Sam Taylor") String name,
        @Email @Size(max = 254) @Schema(examples = "sam.taylor@example.org") String email,
        @Pattern(regexp = "[0-9 +()-]{6,40}", message = "must be a phone number: digits, spaces, + ( ) -")
        @Schema(examples = "01253 000000") String phone,
        @Schema(description = "Must be true: the respondent agreed to be contacted and to these details being kept")
        Boolean consent) {
}
