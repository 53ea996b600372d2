package org.chorus.survey.export;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.response.Channel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Response exports for analysts: one row per response, streamed, every export audited. */
@RequestScoped
@Path("/api/v1/surveys/{surveyId}/responses/export")
@Tag(name = "Exports")
public class ExportResource {

    public static final String NEXT_CURSOR = "Export-Next-Cursor";

    private final ExportService exports;
    private final Caller caller;

    public ExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Scopes.EXPORTS_READ)
    @Operation(summary = "Export responses",
            description = "One row per response in a fixed column order: response_id (pseudonymous), survey_version, "
                    + "submitted_at, channel, place; per ranking <question>_rank_1..N holding item labels; per "
                    + "choose-several one 0/1 column per option (<question>_<option>); single choices and ratings; "
                    + "free text; demographics. Columns follow the latest published version. CSV is UTF-8 with a byte "
                    + "order mark for Excel. To pull only what is new, send the Export-Next-Cursor of the previous "
                    + "export as cursor. Every export is written to the audit log.")
    @APIResponse(responseCode = "200", description = "The export, streamed",
            headers = @Header(name = NEXT_CURSOR, description = "Resumes after the last response this export held"))
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public Response export(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "csv, ndjson or xlsx") @QueryParam("format") @DefaultValue("CSV") String format,
            @Parameter(description = "Only responses submitted at or after this time") @QueryParam("since") Instant since,
            @Parameter(description = "Only responses submitted before this time") @QueryParam("until") Instant until,
            @Parameter(description = "Only responses given through this channel") @QueryParam("channel") Channel channel,
            @Parameter(description = "Only responses from this place code", example = "blackpool")
            @QueryParam("place") String place,
            @Parameter(description = "The Export-Next-Cursor of an earlier export") @QueryParam("cursor") String cursor) {
        ExportService.Export export = exports.prepare(caller, surveyId, ExportFormats.parse(format),
                new ExportFilter(since, until, channel, place), cursor);
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header(NEXT_CURSOR, export.nextCursor())
                .build();
    }
}
