package org.chorus.platform.events.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A "you said, we did" action was published or changed status: which findings it answers and where it stands. */
public record ActionData(
        UUID actionId,
        UUID organisationId,
        List<UUID> findingIds,
        String status,
        LocalDate decidedOn,
        boolean published) {
}
