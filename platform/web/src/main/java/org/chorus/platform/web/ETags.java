package org.chorus.platform.web;

import jakarta.ws.rs.core.EntityTag;

import org.chorus.platform.web.problem.ProblemException;

/**
 * Optimistic concurrency for mutable resources: the ETag is the row version, and an update must name the version it
 * was based on in {@code If-Match}, so that two people editing the same record cannot silently overwrite each other.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @throws ProblemException 428 when {@code If-Match} is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "Send the ETag you last read in If-Match, so that no one else's change is overwritten");
        }
        String expected = of(currentVersion).toString();
        String weak = "W/" + expected;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals(weak)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Changed since you read it",
                "The resource has changed since the ETag you sent; read it again and reapply your change");
    }
}
