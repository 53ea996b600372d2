package org.chorus.directory.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the audit log as administrators read it. */
@Schema(name = "AuditEntry")
public record AuditEntry(
        UUID id,
        @Schema(examples = "api-key.revoked") String action,
        @Schema(description = "The acting organisation; absent for a member of the public") UUID organisationId,
        @Schema(description = "The API key used (never its secret)") UUID keyId,
        @Schema(examples = "api-key") String subjectType,
        String subjectId,
        @Schema(description = "Whole for organisations' keys; shortened to its network for the public",
                examples = "203.0.113.7") String clientAddress,
        String requestId,
        @Schema(description = "The service that recorded it", examples = "/chorus/survey-service") String source,
        Instant occurredAt,
        @Schema(examples = "{\"rows\": \"1225\", \"format\": \"csv\"}") Map<String, String> details) {
}
