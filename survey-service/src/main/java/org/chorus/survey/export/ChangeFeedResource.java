package org.chorus.survey.export;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change feed: how an analyst's copy of the responses learns which of them were taken back. */
@Path("/api/v1/surveys/{surveyId}/responses/changes")
@Tag(name = "Exports")
public class ChangeFeedResource {

    private final ChangeFeed feed;

    public ChangeFeedResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.EXPORTS_READ)
    @Operation(operationId = "listResponseChanges", summary = "List responses submitted and erased since a cursor",
            description = "In order of time, the responses submitted and the responses erased from the cursor up to "
                    + "the same settle horizon exports use, and those from before the cursor that committed after "
                    + "its call. An erasure is a tombstone: the response id and when it was erased, nothing of its "
                    + "content; a response submitted and erased within the window shows only its tombstone. The "
                    + "cursor is an export's Export-Next-Cursor or a feed's nextCursor, and this feed's nextCursor "
                    + "serves both: to keep a copy in step, pull an export with the cursor, then drop every row named "
                    + "by an ERASED entry of the feed for the same cursor. One call holds the whole window, streamed. Every call is written to the audit log.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Change.Feed.class)),
            headers = @Header(name = ExportResource.NEXT_CURSOR, description = "The same as nextCursor",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "invalid-parameter: cursor is not one an export or feed issued")
    @APIResponse(responseCode = "403", description = "The key does not have exports:read")
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public Response changes(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "The Export-Next-Cursor of an earlier export, or the nextCursor of an earlier "
                    + "feed; without it, every change since the survey opened") @QueryParam("cursor") String cursor,
            @Context Request http) {
        // HEAD comes here too, and its body is never written: it reads nothing, so it is not audited as a read
        ChangeFeed.Feed changes = HttpMethod.HEAD.equals(http.getMethod()) ? feed.describe(surveyId, cursor)
                : feed.prepare(surveyId, cursor);
        return Response.ok(changes.body(), MediaType.APPLICATION_JSON)
                .header(ExportResource.NEXT_CURSOR, changes.nextCursor()).build();
    }
}
