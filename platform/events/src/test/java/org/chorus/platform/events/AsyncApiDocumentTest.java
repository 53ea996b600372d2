package org.chorus.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The AsyncAPI document is the published contract: it must name every event the registry knows, and all their fields. */
class AsyncApiDocumentTest {

    private final JsonNode document = read();

    @Test
    void everyRegisteredEventIsDocumentedOnItsTopic() {
        Map<String, String> documented = new HashMap<>();
        document.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> {
            JsonNode message = resolve(ref.path("$ref").asText());
            documented.put(message.path("name").asText(), channel.path("address").asText());
        }));
        Map<String, String> registered = ChorusEventTypes.all().stream()
                .collect(Collectors.toMap(EventType::type, EventType::topic));
        assertEquals(registered, documented);
    }

    @Test
    void everyPayloadFieldIsDocumented() {
        for (EventType type : ChorusEventTypes.all()) {
            JsonNode schema = document.path("components").path("schemas").path(type.dataClass().getSimpleName());
            assertDocuments(type.dataClass(), schema, type.type());
        }
    }

    /** Compares a record's fields with its schema's properties, and those of every record it holds with theirs. */
    private void assertDocuments(Class<?> record, JsonNode schema, String where) {
        assertFalse(schema.isMissingNode(), where + ": no schema for " + record.getSimpleName());
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> actual = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(actual, documented, where);
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isRecord()) {
                JsonNode property = schema.path("properties").path(component.getName());
                assertDocuments(component.getType(), referenced(property), where + "/" + component.getName());
            }
        }
    }

    /** The schema a property refers to, directly or as the one non-null choice of a oneOf. */
    private JsonNode referenced(JsonNode property) {
        if (property.has("$ref")) {
            return resolve(property.path("$ref").asText());
        }
        for (JsonNode choice : property.path("oneOf")) {
            if (choice.has("$ref")) {
                return resolve(choice.path("$ref").asText());
            }
        }
        return MissingNode.getInstance();
    }

    private JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
