package org.chorus.insight.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outcomes of a job's chunks as they committed, so that a job taken over resumes after the last one with the
 * report its first worker wrote: its rows are stored by then, and run again they would all come back unchanged.
 */
@ApplicationScoped
class UploadChunks {

    private static final TypeReference<List<RowResult>> RESULTS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    UploadChunks(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** In the chunk's own transaction, so that it is recorded exactly when its rows are stored. */
    void record(UUID uploadId, int firstRow, List<RowResult> results) {
        entityManager.createNativeQuery("INSERT INTO upload_chunk (upload_id, first_row, results) VALUES (?1, ?2, ?3)")
                .setParameter(1, uploadId).setParameter(2, firstRow).setParameter(3, write(results)).executeUpdate();
    }

    /** Every chunk's outcomes so far, in the file's order. */
    List<RowResult> recorded(UUID uploadId) {
        @SuppressWarnings("unchecked")
        List<String> chunks = entityManager.createNativeQuery(
                "SELECT results FROM upload_chunk WHERE upload_id = ?1 ORDER BY first_row", String.class)
                .setParameter(1, uploadId).getResultList();
        List<RowResult> results = new ArrayList<>();
        for (String chunk : chunks) {
            try {
                results.addAll(objectMapper.readValue(chunk, RESULTS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Upload " + uploadId + " has a chunk report that cannot be read", e);
            }
        }
        return results;
    }

    /** Once the whole report is written with the job, the chunks' are not needed. */
    void forget(UUID uploadId) {
        entityManager.createNativeQuery("DELETE FROM upload_chunk WHERE upload_id = ?1").setParameter(1, uploadId)
                .executeUpdate();
    }

    private String write(List<RowResult> results) {
        try {
            return objectMapper.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chunk report could not be written", e);
        }
    }
}
