package org.chorus.badinput;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every answer to bad input must be: never a 5xx; a 4xx is an {@code application/problem+json} document; a 400
 * or 422 about one field or parameter names it, in {@code errors} or in the detail. A query parameter the operation
 * does not take, or one given twice, a header of one value sent twice, a body that is not UTF-8, a string holding half
 * of a character, a date, id, number or kind with characters around it, a date or time that is not ISO 8601 text, and
 * an id in base64, are never quietly accepted: the answer is not a success.
 */
public final class Verdict {

    private static final Pattern LIST_ITEM = Pattern.compile("\\d+");

    private Verdict() {
    }

    /** Why the answer breaks the rule, or null when it keeps it. */
    public static String judge(BadRequest request, Gateway.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status < 400) {
            if (!quietlyAccepted(request.mutation())) {
                return null;
            }
            return "answered " + status + (request.target() == null ? " quietly" : ", taking " + request.target()
                    + " quietly");
        }
        if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "answered " + status + " as '" + answer.contentType() + "', not application/problem+json";
        }
        if ((status == 400 || status == 422) && request.target() != null && !names(answer.json(), request.target())) {
            return "answered " + status + " without naming " + request.target();
        }
        return null;
    }

    private static boolean quietlyAccepted(Mutation mutation) {
        return switch (mutation) {
            case UNKNOWN_QUERY_PARAMETER, REPEATED_QUERY_PARAMETER, REPEATED_HEADER, INVALID_UTF8, HALF_CHARACTER,
                    PADDED_VALUE, DATE_NOT_ISO, ID_NOT_WRITTEN -> true;
            case WRONG_TYPE, UNEXPECTED_WORD, BAD_NUMBER, LONG_STRING, NUL_IN_STRING, CONTROL_CHARACTERS,
                    MISSING_FIELD, NULL_FIELD, UNKNOWN_FIELD, MALFORMED_JSON, DUPLICATE_KEY, DEEP_NESTING, EMPTY_BODY,
                    NOT_AN_OBJECT, WRONG_CONTENT_TYPE, BAD_PATH_PARAMETER, BAD_QUERY_PARAMETER, ODD_HEADER,
                    BAD_CALLER -> false;
        };
    }

    private static boolean names(JsonNode problem, String target) {
        for (JsonNode error : problem.path("errors")) {
            if (related(error.path("pointer").asText(null), target)
                    || target.equalsIgnoreCase(error.path("parameter").asText(""))) {
                return true;
            }
        }
        // As a word: "Invalid UUID" does not name a parameter called id.
        return Pattern.compile("(^|[^\\w-])" + Pattern.quote(target) + "($|[^\\w-])", Pattern.CASE_INSENSITIVE)
                .matcher(problem.path("detail").asText("")).find();
    }

    /**
     * A pointer names the target when it is the target, inside it or one of its enclosing fields; for an item of a
     * list, also a field beside the list, since a list one item shorter or longer can break what those fields say of
     * its length (a question's maxChoices against its options).
     */
    private static boolean related(String pointer, String target) {
        if (pointer == null || pointer.isEmpty() || !target.startsWith("/")) {
            return false;
        }
        return pointer.equals(target) || target.startsWith(pointer + "/")
                || pointer.startsWith(target + "/") || besideItsList(pointer, target);
    }

    private static boolean besideItsList(String pointer, String target) {
        int item = target.lastIndexOf('/');
        if (item <= 0 || !LIST_ITEM.matcher(target.substring(item + 1)).matches()) {
            return false;
        }
        String holder = target.substring(0, target.lastIndexOf('/', item - 1) + 1);
        return pointer.startsWith(holder) && pointer.indexOf('/', holder.length()) < 0;
    }
}
