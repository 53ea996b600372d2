package org.chorus.survey.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One export of responses: who pulled what (with contact details or not), with which filters, how many rows, when. */
@Schema(name = "ExportAuditEntry")
public record AuditEntry(
        UUID id,
        UUID surveyId,
        UUID organisationId,
        @Schema(description = "The API key used") UUID keyId,
        ExportFormat format,
        @Schema(examples = "{\"from\": \"2022-10-01T00:00:00Z\", \"to\": \"2022-10-24T23:00:00Z\", \"channel\": \"PHONE\"}")
        Map<String, String> filters,
        @Schema(description = "True when the export carried respondents' contact details (includeContact, "
                + "contacts:read)") boolean includeContact,
        @Schema(description = "Rows sent so far; final once completed") long rowCount,
        @Schema(description = "False while running, or when the caller went away before the end") boolean completed,
        Instant startedAt,
        Instant finishedAt) {
}
