package org.chorus.platform.web.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson would read {@code "kind": 0} (or {@code "0"}) as the first constant of an enum, so a caller who sent a
 * number would get a key, place or question of a kind they never named. A kind is given by its name; anything else is
 * a 400 naming the field and the names it may take.
 */
@Singleton
public class JsonEnumNames implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
