package org.chorus.insight.upload;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What callers see of an upload: its counts and the per-row report kept as JSON in the row; a list, its counts. */
@ApplicationScoped
public class UploadViews {

    private final ObjectMapper objectMapper;

    public UploadViews(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Upload of(UploadEntity u) {
        return new Upload(summaryOf(u), report(u));
    }

    /** The upload without its report: reads neither the report nor the file. */
    public UploadSummary summaryOf(UploadEntity u) {
        return new UploadSummary(u.id, u.organisationId, u.format.label(), u.mode, u.status, u.totalRows,
                u.processedRows, u.acceptedRows, u.updatedRows, u.unchangedRows, u.rejectedRows, u.skippedRows,
                u.createdAt, u.finishedAt);
    }

    private List<RowResult> report(UploadEntity upload) {
        if (upload.report == null) {
            return List.of();
        }
        try {
            return objectMapper.readValue(upload.report, new TypeReference<List<RowResult>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("Stored upload report unreadable", e);
        }
    }
}
