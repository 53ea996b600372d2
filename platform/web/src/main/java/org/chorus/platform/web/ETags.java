package org.chorus.platform.web;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.problem.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Optimistic concurrency and conditional reads. An ETag is {@code "<version>-<digest>"}: the record's version, which
 * an update must name in {@code If-Match} so that two people editing the same record cannot silently overwrite each
 * other, and a digest of the representation sent with it ({@link RepresentationTags}), which a read's
 * {@code If-None-Match} is checked against, because one version has several representations (a survey in English and
 * in Welsh, a finding before and after its activity moved). A page of records has no version: its tag is
 * {@code "page-<digest>"}.
 */
public final class ETags {

    /** What a read that honours If-None-Match declares as its 304 answer; the OpenAPI document then lists the header. */
    public static final String NOT_MODIFIED = "Not modified: If-None-Match names the representation this would send, "
            + "which is still current; no body, and the ETag again";

    /** What a list a browser may keep ({@link #pageToKeep}) says of its 200 answer, after what the page holds. */
    public static final String PAGE_KEPT = "; the ETag names these bytes. A browser may keep it, and asks again with "
            + "If-None-Match before each use";

    /** Kept by the browser alone, and confirmed before each use. */
    private static final String TO_KEEP = "private, no-cache";
    /** One copy per key and language asked. */
    private static final String KEPT_PER = "Authorization, Accept-Language";
    /** What stands for the version in the tag of a page, which has none. */
    private static final String PAGE = "page";
    private static final char DIGEST_SEPARATOR = '-';
    /** 12 bytes, 16 characters: more than enough to tell a record's representations apart. */
    private static final int DIGEST_BYTES = 12;

    private ETags() {
    }

    /**
     * A 200 answer with the representation and its ETag.
     *
     * @param version what the ETag is made of: a survey's revision, every other record's version
     */
    public static <T> Response ok(T entity, ToLongFunction<T> version) {
        return Response.ok(entity).tag(ofVersion(version.applyAsLong(entity))).build();
    }

    /**
     * A 200 answer a browser may keep, and must confirm with If-None-Match before each use: a public read that a
     * partner's page repeats for every visitor. Private, so that no shared cache keeps one key's answer for another;
     * it varies with the key and the language asked.
     */
    public static <T> Response okToKeep(T entity, ToLongFunction<T> version) {
        return Response.ok(entity).tag(ofVersion(version.applyAsLong(entity)))
                .header(HttpHeaders.CACHE_CONTROL, TO_KEEP).header(HttpHeaders.VARY, KEPT_PER).build();
    }

    /**
     * A 200 answer with a page of records a browser may keep, as {@link #okToKeep}. A page has no version, so its ETag
     * is {@code "page-<digest>"}: an If-Match naming it matches no record.
     */
    public static <T> RestResponse<T> pageToKeep(T page) {
        return RestResponse.ResponseBuilder.ok(page).tag(new EntityTag(PAGE))
                .header(HttpHeaders.CACHE_CONTROL, TO_KEEP).header(HttpHeaders.VARY, KEPT_PER).build();
    }

    /** A 201 answer: where the new resource lives, its representation and its ETag. */
    public static <T> Response created(URI location, T entity, ToLongFunction<T> version) {
        return Response.created(location).tag(ofVersion(version.applyAsLong(entity))).entity(entity).build();
    }

    /**
     * @throws ProblemException 428 when {@code If-Match} is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "Send the ETag you last read in If-Match, so that no one else's change is overwritten");
        }
        String expected = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || expected.equals(versionOf(tag))) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Changed since you read it",
                "The resource has changed since the ETag you sent; read it again and reapply your change");
    }

    /** Whether an {@code If-None-Match} names the representation about to be sent (weak comparison, RFC 9110). */
    public static boolean noneMatchNames(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || current.getValue().equals(opaque(tag))) {
                return true;
            }
        }
        return false;
    }

    /** The ETag of one representation of a version: what {@link #ok} set, with the digest of the bytes sent. */
    static EntityTag naming(EntityTag version, byte[] representation) {
        return new EntityTag(versionOf(version.getValue()) + DIGEST_SEPARATOR + digest(representation));
    }

    private static EntityTag ofVersion(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version a tag names, whether the client kept the whole tag or wrote {@code "<version>"} itself. */
    private static String versionOf(String tag) {
        String value = opaque(tag);
        int separator = value.indexOf(DIGEST_SEPARATOR);
        return separator < 0 ? value : value.substring(0, separator);
    }

    /** A tag's value without {@code W/} and quotes. */
    private static String opaque(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String digest(byte[] representation) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
