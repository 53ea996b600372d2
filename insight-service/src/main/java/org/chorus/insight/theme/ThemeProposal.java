package org.chorus.insight.theme;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposed new theme with how widely it was proposed, for the taxonomy's stewards. */
@Schema(name = "ThemeProposal")
public record ThemeProposal(
        @Schema(examples = "loneliness") String label,
        @Schema(description = "Findings that proposed it", examples = "3") long findingCount,
        @Schema(description = "Organisations that proposed it", examples = "2") long organisationCount,
        Instant firstProposedAt) {
}
