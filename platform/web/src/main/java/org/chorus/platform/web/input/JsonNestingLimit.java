package org.chorus.platform.web.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Bounds how deeply a request body may nest: no Chorus document needs more than a few levels, while a script can send
 * thousands, each costing a stack frame in whatever walks the tree. A deeper body is a 400 problem.
 */
@Singleton
public class JsonNestingLimit implements ObjectMapperCustomizer {

    /** Far more than any Chorus document needs, far less than Jackson's own default of 1,000. */
    public static final int MAX_DEPTH = 64;

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .build());
    }
}
