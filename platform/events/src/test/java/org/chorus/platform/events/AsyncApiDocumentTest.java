package org.chorus.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The AsyncAPI document is the published contract: it must name every event the registry knows, and their fields. */
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
            assertNotNull(schema, type.dataClass().getSimpleName());
            Set<String> documented = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> actual = Arrays.stream(type.dataClass().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(actual, documented, type.type());
        }
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
