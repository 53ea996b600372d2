package org.chorus.platform.web.input;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses, in any string of a request body, values and field names alike, what PostgreSQL cannot keep as sent (see
 * {@link StorableText}) while Jackson reads it: a 400 naming the field, in place of a 500 for NUL or a text stored
 * with {@code ?} where half a character was.
 */
@Singleton
public class JsonStorableStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("chorus-json-storable-strings");
        module.addDeserializer(String.class, new StorableStrings());
        module.addKeyDeserializer(String.class, new StorableKeys());
        objectMapper.registerModule(module);
    }

    /** A string PostgreSQL cannot keep as sent. */
    public static final class UnstorableJsonString extends RefusedJsonValue {

        UnstorableJsonString(JsonParser parser, String rule) {
            super(parser, rule, String.class);
        }
    }

    private static final class StorableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String broken = value == null ? null : StorableText.brokenRule(value);
            if (broken != null) {
                throw new UnstorableJsonString(parser, broken);
            }
            return value;
        }
    }

    private static final class StorableKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String broken = StorableText.brokenRule(key);
            if (broken != null) {
                throw new UnstorableJsonString(context.getParser(), "field names " + broken);
            }
            return key;
        }
    }
}
