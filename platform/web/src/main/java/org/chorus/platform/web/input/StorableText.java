package org.chorus.platform.web.input;

/**
 * What a string must be for PostgreSQL to keep it as it was sent. PostgreSQL refuses NUL in text, so a string holding
 * one would fail its insert with a 500. Half of a UTF-16 surrogate pair, which JSON can spell as {@code \uD800}, has
 * no UTF-8 form: the driver would store it as {@code ?}, quietly, and answer 201 for a text it changed.
 */
public final class StorableText {

    public static final String NUL_RULE = "must not contain the NUL character";

    private StorableText() {
    }

    /** The rule the text breaks, or null when PostgreSQL stores it as it is. */
    public static String brokenRule(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL_RULE;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return halfACharacter(c, i);
            }
        }
        return null;
    }

    private static String halfACharacter(char half, int index) {
        return String.format("must hold whole characters: \\u%04X at character %d is half of a surrogate pair, and "
                + "the other half must follow it (RFC 8259, section 8.2)", (int) half, index + 1);
    }
}
