package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.UUID;

/** A bulk upload finished: whose, and how many rows came to what. Never the rows themselves. */
public record UploadData(
        UUID uploadId,
        UUID organisationId,
        String mode,
        int processedRows,
        int acceptedRows,
        int updatedRows,
        int unchangedRows,
        int rejectedRows,
        int skippedRows,
        Instant finishedAt) {
}
