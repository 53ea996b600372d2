package org.chorus.insight.upload;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An upload and, once done, its report per row. Written as one object: the summary's fields, which a list of uploads
 * shows alone, and beside them the rows. The property order is spelt out for the OpenAPI document, which otherwise
 * lists an unwrapped record's fields in no order.
 */
@Schema(name = "Upload", requiredProperties = { "id", "organisationId", "format", "mode", "status", "totalRows",
        "processedRows", "acceptedRows", "updatedRows", "unchangedRows", "rejectedRows", "skippedRows", "createdAt",
        "rows" })
@JsonPropertyOrder({ "summary", "id", "organisationId", "format", "mode", "status", "totalRows", "processedRows",
        "acceptedRows", "updatedRows", "unchangedRows", "rejectedRows", "skippedRows", "createdAt", "finishedAt", "rows" })
public record Upload(
        @JsonUnwrapped UploadSummary summary,
        @Schema(description = "One result per activity, in file order; empty until the upload is done") List<RowResult> rows) {
}
