package org.chorus.platform.web.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a body that gives one field twice: Jackson would keep the last value of most fields, and for a record's
 * constructor field it fails with a definition error that Quarkus answers as a bare 500. Which value a caller meant
 * is theirs to say, so it is a 400.
 */
@Singleton
public class JsonDuplicateKeys implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
