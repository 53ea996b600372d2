package org.chorus.survey.export;

import java.io.IOException;
import java.util.Locale;

import org.chorus.platform.datapackage.Descriptor;
import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.question.ExportColumn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * datapackage.json: a Frictionless Data Package (v2) with one tabular resource, the CSV, and its Table Schema. Each
 * field has its type, a title (the question or option text, in the language asked for, and in every language of the
 * survey under {@code titles}) and a description; fields holding codes list them as {@code constraints.enum} and
 * label them as {@code categories}, each label in every language under {@code labels}. Beyond the standard, the
 * package says which survey version it follows, what the export filtered on and where the next one resumes, and
 * what suppression published figures apply. The conventions it shares with every Chorus package (profiles, the CSV
 * resource and its dialect) are the platform's {@link Descriptor}.
 */
final class DataPackageDescriptor {

    static final String PACKAGE_PROFILE = Descriptor.PACKAGE_PROFILE;
    static final String SCHEMA_PROFILE = Descriptor.SCHEMA_PROFILE;

    private DataPackageDescriptor() {
    }

    static byte[] of(ObjectMapper objectMapper, DataPackage.Facts facts, long rows) throws IOException {
        PublishedSurvey survey = facts.survey();
        String language = facts.language();
        ObjectNode root = objectMapper.createObjectNode();
        root.put("$schema", PACKAGE_PROFILE);
        root.put("name", "survey-" + survey.surveyId() + "-responses");
        root.put("title", survey.definition().title().label(language));
        root.put("description", "Responses to a Chorus survey, one row per response, with codes for choices; "
                + "datapackage.json labels every code, survey.sps applies the labels in SPSS or PSPP");
        root.put("created", facts.exportedAt().toString());
        root.put("surveyId", survey.surveyId().toString());
        root.put("surveyVersion", survey.version());
        root.set("titles", objectMapper.valueToTree(survey.definition().title().values()));
        root.set("languages", objectMapper.valueToTree(survey.definition().languages()));
        root.set("export", export(objectMapper, facts, rows));
        root.set("suppression", suppression(objectMapper));
        ObjectNode resource = Descriptor.csvResource(objectMapper, "responses", DataPackage.CSV);
        root.putArray("resources").add(resource);
        resource.set("schema", schema(objectMapper, facts));
        return objectMapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }

    private static ObjectNode export(ObjectMapper objectMapper, DataPackage.Facts facts, long rows) {
        ObjectNode export = objectMapper.createObjectNode();
        export.set("filters", objectMapper.valueToTree(facts.filters()));
        export.put("cursor", facts.cursor());
        export.put("nextCursor", facts.nextCursor());
        export.put("values", facts.values().name().toLowerCase(Locale.ROOT));
        export.put("language", facts.language());
        export.put("rows", rows);
        export.put("note", "Pass nextCursor as cursor to the next export to get only the responses that came in "
                + "after this one. In this CSV a line break inside an answer is written as a space.");
        return export;
    }

    private static ObjectNode suppression(ObjectMapper objectMapper) {
        ObjectNode suppression = objectMapper.createObjectNode();
        suppression.put("threshold", Suppression.THRESHOLD);
        suppression.put("appliesTo", "published results and breakdowns, not this export");
        suppression.put("rule", "A count of 1 to " + (Suppression.THRESHOLD - 1) + " people is shown as suppressed, "
                + "never as its number; where a total would let it be worked out by subtraction, the smallest other "
                + "count of that total is suppressed too. Figures made from this export and published should follow "
                + "the same rule.");
        return suppression;
    }

    private static ObjectNode schema(ObjectMapper objectMapper, DataPackage.Facts facts) {
        ObjectNode schema = objectMapper.createObjectNode();
        schema.put("$schema", SCHEMA_PROFILE);
        ArrayNode fields = schema.putArray("fields");
        facts.columns().forEach(c -> fields.add(field(objectMapper, c, facts.language())));
        schema.putArray("missingValues").add("");
        schema.putArray("primaryKey").add("response_id");
        return schema;
    }

    private static ObjectNode field(ObjectMapper objectMapper, ExportColumn column, String language) {
        ObjectNode field = objectMapper.createObjectNode();
        field.put("name", column.name());
        field.put("type", switch (column.type()) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case DATETIME -> "datetime";
        });
        // a time is ISO-8601 with as many digits of a second as it needs, which the strict default pattern refuses
        field.put("format", switch (column.type()) {
            case DATETIME -> "any";
            case STRING, INTEGER -> "default";
        });
        field.put("title", column.title().label(language));
        field.put("description", column.description());
        field.set("titles", objectMapper.valueToTree(column.title().values()));
        if (column.questionId() != null) {
            field.put("questionId", column.questionId());
        }
        field.put("measurementLevel", column.measure().name().toLowerCase(Locale.ROOT));
        if (!column.categories().isEmpty()) {
            addCategories(objectMapper, field, column, language);
        }
        return field;
    }

    /** A coded column's codes twice: as the enum constraint validators check, and labelled for statistics packages. */
    private static void addCategories(ObjectMapper objectMapper, ObjectNode field, ExportColumn column,
            String language) {
        ArrayNode allowed = field.putObject("constraints").putArray("enum");
        ArrayNode categories = field.putArray("categories");
        for (ExportColumn.Category category : column.categories()) {
            ObjectNode entry = categories.addObject();
            switch (column.type()) {
                case INTEGER -> {
                    allowed.add(Long.parseLong(category.code()));
                    entry.put("value", Long.parseLong(category.code()));
                }
                case STRING, DATETIME -> {
                    allowed.add(category.code());
                    entry.put("value", category.code());
                }
            }
            entry.put("label", category.label().label(language));
            entry.set("labels", objectMapper.valueToTree(category.label().values()));
        }
        field.put("categoriesOrdered", switch (column.measure()) {
            case ORDINAL -> true;
            case NOMINAL, SCALE -> false;
        });
    }
}
