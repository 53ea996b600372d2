package org.chorus.insight.common;

import java.util.Arrays;
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

    /** The accepted values, for messages that tell the person what to type instead. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
