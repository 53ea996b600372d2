package org.chorus.survey.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the change feed: which response, what happened to it, when; never what it said. */
@Schema(name = "ResponseChange")
public record Change(ChangeKind change,
        @Schema(description = "The response_id of export rows") UUID responseId,
        @Schema(description = "When it was submitted or erased") Instant at) {

    /** The feed's body as OpenAPI shows it; the feed itself is streamed, never held as a list. */
    @Schema(name = "ResponseChanges")
    record Feed(@Schema(description = "Resumes after this feed; an export takes it too") String nextCursor,
            @Schema(description = "In order of time, then response id") List<Change> items) {
    }
}
