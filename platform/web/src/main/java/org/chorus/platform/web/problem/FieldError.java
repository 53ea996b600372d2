package org.chorus.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid part of a request.
 *
 * @param pointer JSON Pointer (RFC 6901) into the request body, e.g. {@code /contactEmail}
 * @param parameter name of an invalid query, path or header parameter, when the problem is not in the body
 * @param detail the rule that was broken, e.g. {@code must be a well-formed email address}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String parameter, String detail) {

    public static FieldError body(String pointer, String detail) {
        return new FieldError(pointer, null, detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }
}
