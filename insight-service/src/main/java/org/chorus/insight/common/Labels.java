package org.chorus.insight.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chorus.platform.web.input.Vocabulary;

/**
 * Reads enum values the way people type them in spreadsheets ("Focus group", "focus-group", "FOCUS_GROUP"), so that
 * an upload is not rejected over capitals, spaces or "&" while a genuinely unknown value still is (see Vocabulary).
 */
public final class Labels {

    private Labels() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Vocabulary.ofEnum(type).resolve(text).map(name -> Enum.valueOf(type, name));
    }

    /** How a spreadsheet writes a value, and how the upload template does: FOCUS_GROUP as "Focus group". */
    public static String label(Enum<?> value) {
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The accepted values as people write them, for messages that tell the person what to type instead. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labels::label).collect(Collectors.joining(", "));
    }

    /** "; did you mean Focus group?" for a message, or nothing when no value is near the text. */
    public static <E extends Enum<E>> String didYouMean(Class<E> type, String text) {
        return Vocabulary.ofEnum(type).didYouMean(text, name -> label(Enum.valueOf(type, name)));
    }
}
