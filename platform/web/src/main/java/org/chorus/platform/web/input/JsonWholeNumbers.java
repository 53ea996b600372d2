package org.chorus.platform.web.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a fraction where a whole number is read: Jackson would quietly turn a rating of 3.7 into 3, 12.5
 * participants into 12, and a longest answer of 200.9 characters into 200, storing what was not sent. The caller
 * gets a 400 naming the field instead.
 */
@Singleton
public class JsonWholeNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
