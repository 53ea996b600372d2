package org.chorus.badinput;

/** The kinds of bad input generated, each a thing a script can send whatever the documentation says. */
public enum Mutation {
    /** A body field of another JSON type than its schema's. */
    WRONG_TYPE,
    /** A word where the field expects an enum value, a UUID, a date or a code. */
    UNEXPECTED_WORD,
    /** A number far out of range, negative, fractional or beyond 64 bits. */
    BAD_NUMBER,
    /** A string of 100,000 characters. */
    LONG_STRING,
    /** {@code \u0000} inside a string. */
    NUL_IN_STRING,
    /** Other control characters and odd Unicode inside a string. */
    CONTROL_CHARACTERS,
    /** Half of a surrogate pair escaped inside a string ({@code \ud800}), which no UTF-8 text can hold. */
    HALF_CHARACTER,
    /**
     * A date, id, number or kind with a space, line break or control character before or after it, as a string:
     * {@code "\u00002024-06-01"}, {@code "CONCERN\n"}, {@code " 12"}.
     */
    PADDED_VALUE,
    /**
     * A date or time in another form than ISO 8601 text: a yyyymmdd number, seconds or milliseconds since 1970, an
     * array of its parts, a date with a time, an empty string.
     */
    DATE_NOT_ISO,
    /** An id as the 16 bytes of its UUID in base64, which Jackson read as that UUID. */
    ID_NOT_WRITTEN,
    /** A field left out. */
    MISSING_FIELD,
    /** A field set to null. */
    NULL_FIELD,
    /** A field the schema does not have. */
    UNKNOWN_FIELD,
    /** A body that stops or goes wrong halfway. */
    MALFORMED_JSON,
    /** Bytes that are not UTF-8 inside a string, overlong forms of ASCII among them. */
    INVALID_UTF8,
    /** The same key twice in one object. */
    DUPLICATE_KEY,
    /** A value nested hundreds of levels deep. */
    DEEP_NESTING,
    /** No body at all where one is needed. */
    EMPTY_BODY,
    /** JSON that is not an object: an array, a number, a string, null. */
    NOT_AN_OBJECT,
    /** A body of a type the operation does not take, or a nonsensical Content-Type. */
    WRONG_CONTENT_TYPE,
    /** A path parameter that is not an id or code: not a UUID, NUL, invalid UTF-8, very long. */
    BAD_PATH_PARAMETER,
    /** A query parameter of the wrong form: not a number or date, out of range, a tampered cursor, NUL. */
    BAD_QUERY_PARAMETER,
    /**
     * A query parameter the operation does not take: a misspelling of one it takes, a word of its own, or one with no
     * name ({@code ?=1}).
     */
    UNKNOWN_QUERY_PARAMETER,
    /** One of the operation's query parameters given twice, each time with a value it accepts. */
    REPEATED_QUERY_PARAMETER,
    /** A header of one value sent as two lines: two keys, two body types, two Idempotency-Keys, two origins. */
    REPEATED_HEADER,
    /** An odd If-Match, Idempotency-Key, Origin, Accept or erasure token header. */
    ODD_HEADER,
    /** No key, an unknown key, a malformed Authorization header, or a website key from nowhere. */
    BAD_CALLER
}
