package org.chorus.survey.question;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chorus.survey.definition.Text;

/** Column titles made of a question's text and an option's label, in every language either was written in. */
public final class Titles {

    private Titles() {
    }

    /** "question: option" in each language; an untranslated part stays English. */
    public static Text joined(Text question, Text option) {
        return perLanguage(question, option, l -> question.label(l) + ": " + option.label(l));
    }

    /** The question's text followed by the same words in every language, e.g. " (rank 2)". */
    static Text suffixed(Text question, String suffix) {
        return perLanguage(question, question, l -> question.label(l) + suffix);
    }

    private static Text perLanguage(Text a, Text b, Function<String, String> words) {
        Set<String> languages = new LinkedHashSet<>(a.values().keySet());
        languages.addAll(b.values().keySet());
        Map<String, String> values = new LinkedHashMap<>();
        languages.forEach(l -> values.put(l, words.apply(l)));
        return new Text(values);
    }
}
