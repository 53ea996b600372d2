package org.chorus.insight.upload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON upload, {@code {"activities": [ {..., "findings": [...]} ]}}, leniently enough that a wrong value in
 * one activity is reported against that row instead of failing the whole file.
 */
final class JsonRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRows() {
    }

    static List<RawRow> read(byte[] content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (IOException e) {
            throw MalformedUpload.because("The file is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject() || !root.path("activities").isArray() || root.size() != 1) {
            throw MalformedUpload.because("The file must be an object with one field, \"activities\", an array; "
                    + "see GET /api/v1/uploads/schema.json");
        }
        List<RawRow> rows = new ArrayList<>();
        JsonNode activities = root.get("activities");
        for (int i = 0; i < activities.size(); i++) {
            rows.add(toRow(i + 1, activities.get(i)));
        }
        return rows;
    }

    private static RawRow toRow(int row, JsonNode node) {
        List<String> unknown = new ArrayList<>();
        if (!node.isObject()) {
            return new RawRow(row, Map.of("_problem", "must be an object"), List.of());
        }
        Map<String, Object> activity = fields(node, UploadFields.ACTIVITY, "", unknown, "findings");
        List<Map<String, Object>> findings = new ArrayList<>();
        JsonNode findingNodes = node.path("findings");
        for (int i = 0; i < findingNodes.size(); i++) {
            findings.add(fields(findingNodes.get(i), UploadFields.FINDING, "findings/" + i + "/", unknown, null));
        }
        if (!unknown.isEmpty()) {
            activity.put("_problem", "unknown fields " + unknown);
        }
        return new RawRow(row, activity, findings);
    }

    private static Map<String, Object> fields(JsonNode node, List<String> names, String prefix, List<String> unknown,
            String alsoAllowed) {
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
                fields.put(name, items);
            } else {
                fields.put(name, value.isContainerNode() ? value.toString() : value.asText());
            }
        }
        return fields;
    }
}
