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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.response.Channel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerResponse;

/** Response exports for analysts: one row per response, streamed, every export audited. */
@RequestScoped
@Path("/api/v1/surveys/{surveyId}/responses/export")
@Tag(name = "Exports")
public class ExportResource {

    public static final String NEXT_CURSOR = "Export-Next-Cursor";
    /**
     * OpenAPI extension on a parameter: every scope a key needs when the parameter is used, which the operation's
     * security requirement (its scopes when the parameter is left out) cannot say.
     */
    public static final String REQUIRED_SCOPES = "x-required-scopes";

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
                    + "export as cursor. Every export is written to the audit log. With includeContact=true three "
                    + "more columns end each row, respondent_contact_name, respondent_contact_email and "
                    + "respondent_contact_phone, filled only for respondents who asked to be contacted and consented: "
                    + "this needs the scope contacts:read as well as exports:read, and a key of the organisation that "
                    + "owns the survey.")
    @APIResponse(responseCode = "200", description = "The export, streamed",
            headers = @Header(name = NEXT_CURSOR, description = "Resumes after the last response this export held"))
    @APIResponse(responseCode = "403", description = "The key does not have exports:read; or includeContact=true "
            + "without contacts:read (missing-scope), or for another organisation's survey (not-owner)")
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    @APIResponse(responseCode = "429", description = "too-many-exports: the organisation already runs as many "
            + "exports as it may at once (2 unless configured); retry after the seconds in Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again"))
    public Response export(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "csv, ndjson or xlsx") @QueryParam("format") @DefaultValue("CSV") String format,
            @Parameter(description = "Only responses submitted at or after this time") @QueryParam("since") Instant since,
            @Parameter(description = "Only responses submitted before this time") @QueryParam("until") Instant until,
            @Parameter(description = "Only responses given through this channel") @QueryParam("channel") Channel channel,
            @Parameter(description = "Only responses from this place code", example = "blackpool")
            @QueryParam("place") String place,
            @Parameter(description = "The Export-Next-Cursor of an earlier export") @QueryParam("cursor") String cursor,
            @Parameter(description = "true adds respondents' contact details (needs contacts:read as well as "
                    + "exports:read, and a key of the survey's own organisation)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"),
                    extensions = @Extension(name = REQUIRED_SCOPES, parseValue = true,
                            value = "[\"" + Scopes.EXPORTS_READ + "\", \"" + Scopes.CONTACTS_READ + "\"]"))
            @QueryParam(ContactAccess.PARAMETER) String includeContact, @Context HttpServerResponse response) {
        ExportService.Export export = exports.prepare(caller, surveyId, ExportFormats.parse(format),
                new ExportFilter(since, until, channel, place), cursor, ContactAccess.asked(includeContact),
                response::closed);
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header(NEXT_CURSOR, export.nextCursor())
                .build();
    }

    /** A 429 tells when to come back; the shared problem mapper knows no Retry-After but for outages. */
    @ServerExceptionMapper
    public Response busy(ExportsBusy e) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(RequestIds.current()))
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }
}
