package org.chorus.platform.web.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: what every Chorus error looks like to a caller. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI identifying the kind of problem", examples = "https://chorus.example/problems/validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Request is not valid")
        String title,
        @Schema(description = "HTTP status code", examples = "422")
        int status,
        @Schema(description = "What went wrong with this request", examples = "2 fields are not valid")
        String detail,
        @Schema(description = "Id of the request, to quote when asking for help")
        String requestId,
        @Schema(description = "One entry per invalid field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://chorus.example/problems/";
}
