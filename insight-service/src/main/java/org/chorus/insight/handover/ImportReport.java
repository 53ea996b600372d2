package org.chorus.insight.handover;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import of a handover package did, per table. */
@Schema(name = "HandoverImportReport", requiredProperties = "counts")
public record ImportReport(
        @Schema(description = "Per table of the package (activities, findings, theme_proposals, actions)")
        Map<String, Count> counts) {

    /**
     * @param imported records stored by this import
     * @param present records an earlier import of the same package had stored already, left as they are
     */
    @Schema(name = "HandoverImportCount", requiredProperties = { "imported", "present" })
    public record Count(long imported, long present) {
    }
}
