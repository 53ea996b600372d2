package org.chorus.badinput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request, and what it broke.
 *
 * @param operation the operation it calls, "METHOD /path"
 * @param mutation what is wrong with it
 * @param target the body's JSON pointer, or the parameter or header name, that a 400 or 422 must name; null when the
 *        whole request is at fault (malformed JSON, an empty body)
 * @param pathAndQuery as sent, percent-encoded
 * @param headers each header's lines, in the order sent
 * @param body null for none
 */
public record BadRequest(String operation, Mutation mutation, String target, String method, String pathAndQuery,
        Map<String, List<String>> headers, byte[] body) {

    /** For a failure report: enough to send it again by hand. */
    public String describe() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "... (" + body.length + " bytes)";
        }
        Map<String, String> visible = new java.util.TreeMap<>();
        headers.forEach((name, lines) -> visible.put(name, String.join(" | ",
                lines.stream().map(line -> shown(name, line)).toList())));
        String target = pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "... (" + pathAndQuery.length()
                + " characters)" : pathAndQuery;
        return mutation + (this.target == null ? "" : " of " + this.target) + ": " + method + " " + target + " "
                + visible + " " + shown.replace("\u0000", "\\u0000");
    }

    /** A header line as a report shows it: a key hidden, a long value cut short. */
    private static String shown(String name, String line) {
        if (name.equals("Authorization") && line.startsWith("Bearer chorus_")) {
            return "Bearer <key>";
        }
        return line.length() > 60 ? line.substring(0, 40) + "... (" + line.length() + " characters)" : line;
    }
}
