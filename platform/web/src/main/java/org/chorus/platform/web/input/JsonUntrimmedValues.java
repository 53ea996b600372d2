package org.chorus.platform.web.input;

import java.io.IOException;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.chorus.platform.web.problem.ExpectedForms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson trims the text of a value it reads as something other than text, taking off spaces, line breaks and every
 * control character: {@code "\u00002024-06-01"} was stored as an action decided on 1 June 2024, {@code "CONCERN\u0000"}
 * as a concern, {@code "12\n"} as 12 participants. Such a value is refused with a 400 naming its field; a date, id,
 * number or kind is read from exactly its form. Text itself is kept as it was sent. An id is read from its written
 * form alone ({@link WrittenUuids}): Jackson reads 24 characters of base64 as a UUID too.
 */
@Singleton
public class JsonUntrimmedValues implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("chorus-json-untrimmed-values");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Untrimmed(deserializer, type.getRawClass());
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = deserializer.handledType();
                return deserializer instanceof StdScalarDeserializer<?> && type != String.class
                        ? new Untrimmed(deserializer, type) : deserializer;
            }
        });
        objectMapper.registerModule(module);
    }

    /** A date, id, number or kind sent with characters around it. */
    public static final class PaddedJsonValue extends RefusedJsonValue {

        PaddedJsonValue(JsonParser parser, String rule, Class<?> type) {
            super(parser, rule, type);
        }
    }

    /** Refuses a string with anything that {@link String#trim()} would take off, before Jackson trims it. */
    private static final class Untrimmed extends DelegatingDeserializer {

        private final Class<?> type;

        Untrimmed(JsonDeserializer<?> reader, Class<?> type) {
            super(reader);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
            return new Untrimmed(reader, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.equals(text.trim())) {
                    throw new PaddedJsonValue(parser, "expected " + ExpectedForms.of(type)
                            + ", with no space, line break or control character around it", type);
                }
                if (type == UUID.class && !WrittenUuids.isWritten(text)) {
                    throw new RefusedJsonValue(parser, "expected " + ExpectedForms.of(type), type);
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
