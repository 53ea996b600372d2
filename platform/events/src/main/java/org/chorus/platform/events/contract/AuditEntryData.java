package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One security-relevant action, on its way to the system's audit log in the partner directory.
 *
 * @param action what was done, e.g. {@code api-key.revoked}, {@code responses.exported}
 * @param organisationId the acting organisation; null for a member of the public (e.g. erasing by receipt)
 * @param keyId the API key used; never its secret
 * @param subjectType what it was done to, e.g. {@code api-key}, {@code survey}
 * @param clientAddress where the request came from: whole for organisations' keys, shortened to its network
 *                      (IPv4 /24, IPv6 /48) for members of the public, whose address is personal data
 * @param details small facts worth keeping (filters of an export, a row count), never free text from respondents
 */
public record AuditEntryData(
        UUID entryId,
        String action,
        UUID organisationId,
        UUID keyId,
        String subjectType,
        String subjectId,
        String clientAddress,
        String requestId,
        Instant occurredAt,
        Map<String, String> details) {
}
