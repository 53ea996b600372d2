package org.chorus.insight.upload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import org.chorus.platform.web.input.JsonTrailingContent;
import org.chorus.platform.web.input.StorableText;
import org.chorus.platform.web.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a JSON upload, {@code {"activities": [ {..., "findings": [...]} ]}}, leniently enough that a wrong value in
 * one activity is reported against that row instead of failing the whole file.
 */
final class JsonRows {

    private JsonRows() {
    }

    /**
     * @param requests the service's own mapper, which reads every JSON request body: a JSON upload then meets each of
     *     their rules (a field given twice, anything after the value, nesting) without a copy of them here
     */
    static List<RawRow> read(ObjectMapper requests, byte[] content) {
        JsonNode root;
        try {
            root = requests.readTree(content);
        } catch (MismatchedInputException e) {
            // Jackson's own words for it name its classes and settings, nothing of the file.
            if (String.valueOf(e.getOriginalMessage()).startsWith(JsonTrailingContent.JACKSON_MESSAGE)) {
                throw MalformedUpload.because(
                        "The file goes on after its JSON object; send one object holding the activities");
            }
            throw notJson(e);
        } catch (IOException e) {
            throw notJson(e);
        }
        if (root != null && root.isObject() && root.path("activities").isArray() && root.size() > 1) {
            String unknown = StreamSupport.stream(Spliterators.spliteratorUnknownSize(root.fieldNames(), 0), false)
                    .filter(name -> !name.equals("activities")).findFirst().orElseThrow();
            throw MalformedUpload.at("/" + unknown.replace("~", "~0").replace("/", "~1"),
                    "unknown field; the file has one field, activities");
        }
        if (root == null || !root.isObject() || !root.path("activities").isArray()) {
            throw MalformedUpload.at("/activities", "the file must be an object with this one field, an array of "
                    + "activities; see GET /api/v1/uploads/schema.json");
        }
        refuseUnstorable(root, "");
        List<RawRow> rows = new ArrayList<>();
        JsonNode activities = root.get("activities");
        if (activities.isEmpty()) {
            throw MalformedUpload.at("/activities", "the file has no activities");
        }
        for (int i = 0; i < activities.size(); i++) {
            rows.add(toRow(i + 1, activities.get(i)));
        }
        return rows;
    }

    private static ProblemException notJson(IOException e) {
        return MalformedUpload.because("The file is not valid JSON: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }

    /** Text PostgreSQL cannot keep as sent (see {@link StorableText}) is refused where it stands in the file. */
    private static void refuseUnstorable(JsonNode node, String pointer) {
        String broken = node.isTextual() ? StorableText.brokenRule(node.textValue()) : null;
        if (broken != null) {
            throw MalformedUpload.at(pointer, broken);
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String brokenName = StorableText.brokenRule(field.getKey());
            if (brokenName != null) {
                throw MalformedUpload.at(pointer, "field names " + brokenName);
            }
            refuseUnstorable(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            refuseUnstorable(node.get(i), pointer + "/" + i);
        }
    }

    private static RawRow toRow(int row, JsonNode node) {
        List<String> unknown = new ArrayList<>();
        if (!node.isObject()) {
            return new RawRow(row, Map.of("_problem", "must be an object"), List.of());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> activity = fields(node, UploadFields.ACTIVITY, "", unknown, "findings", problems);
        List<Map<String, Object>> findings = findings(node.get("findings"), unknown, problems);
        if (!unknown.isEmpty()) {
            problems.add("unknown fields " + unknown);
        }
        if (!problems.isEmpty()) {
            activity.put("_problem", String.join("; ", problems));
        }
        return new RawRow(row, activity, findings);
    }

    /**
     * An activity's findings. Findings that are not an array, or a finding that is no object, are the row's problem
     * as an activity that is no object is: they were read as no findings, or failed the whole file with a 500.
     */
    private static List<Map<String, Object>> findings(JsonNode nodes, List<String> unknown, List<String> problems) {
        List<Map<String, Object>> findings = new ArrayList<>();
        if (nodes == null || nodes.isNull()) {
            return findings;
        }
        if (!nodes.isArray()) {
            problems.add("findings: must be an array");
            return findings;
        }
        for (int i = 0; i < nodes.size(); i++) {
            // kept in its place, so that the findings after it are reported by their own numbers
            findings.add(nodes.get(i).isObject()
                    ? fields(nodes.get(i), UploadFields.FINDING, "findings/" + i + "/", unknown, null, problems)
                    : Map.of("_problem", "must be an object"));
        }
        return findings;
    }

    /**
     * The known fields' values as text. An object where a value belongs (or in a list) is the row's problem: written
     * as its JSON text, it was stored as a title of braces, and in a list as an empty text.
     */
    private static Map<String, Object> fields(JsonNode node, List<String> names, String prefix, List<String> unknown,
            String alsoAllowed, List<String> problems) {
        Map<String, Object> fields = new HashMap<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!names.contains(name) && !name.equals(alsoAllowed)) {
                unknown.add(prefix + name);
            }
        });
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                if (value.valueStream().anyMatch(JsonNode::isContainerNode)) {
                    problems.add(prefix + name + ": each item must be text or a number");
                }
                fields.put(name, items);
            } else if (value.isObject()) {
                problems.add(prefix + name + ": must be text, a number or a list of them, not an object");
            } else {
                fields.put(name, value.asText());
            }
        }
        return fields;
    }
}
