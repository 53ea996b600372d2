package org.chorus.survey.definition;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A label in every language it was written in, keyed by language tag; English ("en") is always there. */
@Schema(name = "Text", type = SchemaType.OBJECT, additionalProperties = String.class,
        description = "A label by language tag. \"en\" is required; other languages are optional.",
        examples = "{\"en\": \"Rank the priorities\", \"cy\": \"Rhowch y blaenoriaethau yn eu trefn\"}")
public record Text(@Schema(hidden = true) Map<String, String> values) {

    public static final String ENGLISH = "en";

    @JsonCreator
    public Text {
        values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    public static Text en(String english) {
        return new Text(Map.of(ENGLISH, english));
    }

    @JsonValue
    public Map<String, String> values() {
        return values;
    }

    public boolean hasEnglish() {
        String english = values.get(ENGLISH);
        return english != null && !english.isBlank();
    }

    public String english() {
        return values.get(ENGLISH);
    }

    /** The label in the language asked for, or in English when it was not translated; keyed by the one chosen. */
    public Text in(String language) {
        String translated = translation(language);
        return translated != null ? new Text(Map.of(language, translated)) : en(english());
    }

    /** The words of {@link #in(String)} alone, for views that show one language and say which once. */
    public String label(String language) {
        String translated = translation(language);
        return translated != null ? translated : english();
    }

    private String translation(String language) {
        return language == null ? null : values.get(language);
    }

    /** Null-safe {@link #in(String)}, for optional labels. */
    static Text in(Text text, String language) {
        return text == null ? null : text.in(language);
    }
}
