package org.chorus.platform.web;

import java.net.URI;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

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
     * A 200 answer with the representation and its ETag.
     *
     * @param version what the ETag is made of: a survey's revision, every other record's version
     */
    public static <T> Response ok(T entity, ToLongFunction<T> version) {
        return Response.ok(entity).tag(of(version.applyAsLong(entity))).build();
    }

    /** A 201 answer: where the new resource lives, its representation and its ETag. */
    public static <T> Response created(URI location, T entity, ToLongFunction<T> version) {
        return Response.created(location).tag(of(version.applyAsLong(entity))).entity(entity).build();
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
