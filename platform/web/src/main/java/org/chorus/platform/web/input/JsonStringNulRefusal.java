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
 * Refuses {@code \u0000} in any string of a request body, values and field names alike, while Jackson reads it:
 * PostgreSQL refuses NUL in text and jsonb, so the insert it reached would fail with a 500 instead of a 400 naming
 * the field.
 */
@Singleton
public class JsonStringNulRefusal implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("chorus-json-string-nul-refusal");
        module.addDeserializer(String.class, new NulRefusingStrings());
        module.addKeyDeserializer(String.class, new NulRefusingKeys());
        objectMapper.registerModule(module);
    }

    /** A string value with a NUL in it. */
    public static final class NulInJsonString extends RefusedJsonValue {

        NulInJsonString(JsonParser parser, String rule) {
            super(parser, rule, String.class);
        }
    }

    private static final class NulRefusingStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulInJsonString(parser, NulCharacterFilter.RULE);
            }
            return value;
        }
    }

    private static final class NulRefusingKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (key.indexOf('\0') >= 0) {
                throw new NulInJsonString(context.getParser(), "field names " + NulCharacterFilter.RULE);
            }
            return key;
        }
    }
}
