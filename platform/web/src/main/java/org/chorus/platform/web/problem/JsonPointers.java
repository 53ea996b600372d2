package org.chorus.platform.web.problem;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Builds RFC 6901 JSON Pointers from the paths Jackson and Bean Validation report. */
final class JsonPointers {

    private JsonPointers() {
    }

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(escape(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
