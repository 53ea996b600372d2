package org.chorus.insight.upload;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An upload's progress and counts: all a list shows of it; with its report per row beside them, the upload. */
@Schema(name = "UploadSummary", requiredProperties = { "id", "organisationId", "format", "mode", "status", "totalRows",
        "processedRows", "acceptedRows", "updatedRows", "unchangedRows", "rejectedRows", "skippedRows", "createdAt" })
public record UploadSummary(
        UUID id,
        UUID organisationId,
        @Schema(examples = "csv") String format,
        UploadMode mode,
        UploadStatus status,
        @Schema(description = "Activities in the file; a spreadsheet activity with several findings spans several "
                + "rows but counts once", examples = "120") int totalRows,
        @Schema(description = "Activities processed so far, for the progress of a job", examples = "120") int processedRows,
        @Schema(examples = "100") int acceptedRows,
        @Schema(examples = "15") int updatedRows,
        @Schema(description = "Rows identical to what is stored: nothing changed, nothing announced", examples = "0")
        int unchangedRows,
        @Schema(examples = "5") int rejectedRows,
        @Schema(examples = "0") int skippedRows,
        Instant createdAt,
        Instant finishedAt) {
}
