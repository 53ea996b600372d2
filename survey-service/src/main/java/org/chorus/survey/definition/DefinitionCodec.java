package org.chorus.survey.definition;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns definitions into the JSON stored in the database and back, with the same mapper the API uses. */
@ApplicationScoped
public class DefinitionCodec {

    private final ObjectMapper objectMapper;

    public DefinitionCodec(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String write(SurveyDefinition definition) {
        try {
            return objectMapper.writeValueAsString(definition);
        } catch (IOException e) {
            throw new IllegalStateException("Survey definition not writable", e);
        }
    }

    public SurveyDefinition read(String json) {
        try {
            return objectMapper.readValue(json, SurveyDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException("Stored survey definition not readable", e);
        }
    }
}
