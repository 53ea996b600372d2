package org.chorus.survey.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Text;

/**
 * The data package's README.txt, in the language the export was asked for: English and Welsh are written; in any
 * other language of a survey the README is English, while the survey's own words in it are in that language.
 */
final class Readme {

    private static final String TEMPLATE = "readme-%s.txt";

    private Readme() {
    }

    static String of(DataPackage.Facts facts, long rows) {
        PublishedSurvey survey = facts.survey();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", survey.definition().title().label(facts.language()));
        values.put("exportedAt", facts.exportedAt().toString());
        values.put("surveyId", survey.surveyId().toString());
        values.put("version", Integer.toString(survey.version()));
        values.put("rows", Long.toString(rows));
        values.put("languages", String.join(", ", survey.definition().languages()));
        values.put("language", facts.language());
        values.put("filters", facts.filters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        values.put("nextCursor", facts.nextCursor());
        values.put("belowThreshold", Integer.toString(Suppression.THRESHOLD - 1));
        String text = template(facts.language());
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static String template(String language) {
        InputStream in = Readme.class.getResourceAsStream(String.format(TEMPLATE, language));
        if (in == null) {
            in = Readme.class.getResourceAsStream(String.format(TEMPLATE, Text.ENGLISH));
        }
        try (InputStream template = in) {
            return new String(template.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("README template not readable", e);
        }
    }
}
