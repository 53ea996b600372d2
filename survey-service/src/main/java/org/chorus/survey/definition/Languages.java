package org.chorus.survey.definition;

import java.util.List;
import java.util.Locale;

/** Picks the language a respondent reads in: {@code ?lang=} when given, else their browser's first preference. */
public final class Languages {

    private Languages() {
    }

    /** @return a lower-case primary language tag such as "cy", or "en" when nothing usable was asked for */
    public static String choose(String lang, List<Locale> acceptable) {
        if (lang != null && !lang.isBlank()) {
            return primary(Locale.forLanguageTag(lang.strip()));
        }
        return acceptable.stream().map(Languages::primary).filter(l -> !l.isEmpty() && !l.equals("*")).findFirst()
                .orElse(Text.ENGLISH);
    }

    private static String primary(Locale locale) {
        String language = locale.getLanguage().toLowerCase(Locale.ROOT);
        return language.isEmpty() ? Text.ENGLISH : language;
    }
}
