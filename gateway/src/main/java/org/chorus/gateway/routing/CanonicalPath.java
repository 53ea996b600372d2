package org.chorus.gateway.routing;

import java.util.Locale;

/**
 * Refuses request paths that the gateway and a service could read differently: the gateway routes and rate-limits by
 * the path as it reads it, while a service strips matrix parameters, decodes escapes and resolves dot segments, so a
 * path spelled unusually could be a submission to the service and something else to the gateway.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Why the raw (undecoded) path is refused, or null when it has one reading only. */
    static String refusal(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains(";") || lower.contains("%3b")) {
            return "The path must not have matrix parameters (';')";
        }
        if (lower.contains("\\") || lower.contains("%2f") || lower.contains("%5c")) {
            return "The path must not have an encoded slash or a backslash";
        }
        if (lower.contains("//")) {
            return "The path must not have empty segments ('//')";
        }
        for (String segment : lower.replace("%2e", ".").split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return "The path must not have '.' or '..' segments";
            }
        }
        return null;
    }
}
