package org.chorus.directory.organisation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores rate limits as one JSON value: they are read and written whole, so four pairs of columns would only cost. */
@Converter
public class RateLimitsColumn implements AttributeConverter<RateLimits, String> {

    // Its own mapper: the column's shape must not change with the API's JSON settings.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(RateLimits limits) {
        try {
            return limits == null ? null : MAPPER.writeValueAsString(limits);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rate limits are not serialisable", e);
        }
    }

    @Override
    public RateLimits convertToEntityAttribute(String json) {
        try {
            return json == null ? null : MAPPER.readValue(json, RateLimits.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rate limits are unreadable", e);
        }
    }
}
