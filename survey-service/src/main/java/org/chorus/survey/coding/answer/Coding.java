package org.chorus.survey.coding.answer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an answer is coded now. */
@Schema(name = "Coding")
public record Coding(UUID frameId, int frameVersion, List<String> categories, Sentiment sentiment,
        boolean cannotBeCoded, Instant codedAt) {
}
