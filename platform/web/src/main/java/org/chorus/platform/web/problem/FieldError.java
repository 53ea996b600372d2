package org.chorus.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid part of a request.
 *
 * @param pointer JSON Pointer (RFC 6901) into the request body, e.g. {@code /contactEmail}
 * @param parameter name of an invalid query, path or header parameter, when the problem is not in the body
 * @param detail the rule that was broken, e.g. {@code must be a well-formed email address}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError")
public record FieldError(
        @Schema(examples = "/contactEmail") String pointer,
        @Schema(examples = "limit") String parameter,
        @Schema(examples = "must be a well-formed email address") String detail) {

    public static FieldError body(String pointer, String detail) {
        return new FieldError(pointer, null, detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }
}
