package org.chorus.platform.web.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a body with more after its JSON value, such as two objects sent as one ({@code {...}{...}}): Jackson would
 * read the first and drop the rest unseen, though the rest was sent as successfully as what was kept.
 */
@Singleton
public class JsonTrailingContent implements ObjectMapperCustomizer {

    /** The start of Jackson's own message for it, which {@code ProblemMappers} turns into ours. */
    public static final String JACKSON_MESSAGE = "Trailing token";

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
