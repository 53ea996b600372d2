package org.chorus.survey.export;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.response.Channel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
    @Operation(operationId = "exportResponses", summary = "Export responses",
            description = "One row per response in a fixed column order: response_id (pseudonymous), survey_version, "
                    + "submitted_at, channel, place; per ranking <question>_rank_1..N holding item labels; per "
                    + "choose-several one 0/1 column per option (<question>_<option>); single choices and ratings; "
                    + "free text; demographics. Columns follow the latest published version. CSV is UTF-8 with a byte "
                    + "order mark for Excel. To pull only what is new, send the Export-Next-Cursor of the previous "
                    + "export as cursor: it holds the responses submitted since and any submitted before whose "
                    + "storing committed after that export read, so each response comes once. Every export is "
                    + "written to the audit log. With includeContact=true three more columns end each row, "
                    + "respondent_contact_name, respondent_contact_email and respondent_contact_phone, filled only "
                    + "for respondents who asked to be contacted and consented: "
                    + "this needs the scope contacts:read as well as exports:read, and a key of the organisation that "
                    + "owns the survey. values=codes puts option ids in choice columns instead of English labels, and "
                    + "gives a ranking one column per item (<question>_<item>) holding the rank it was given; "
                    + "labels is the default for csv, ndjson and xlsx. Every export has a language column: the "
                    + "language each response was given in. format=datapackage streams a zip: responses.csv (with "
                    + "codes, one line per response), datapackage.json (a Frictionless Data Package: each column's "
                    + "type, title and description, option codes with their labels in every language of the survey, "
                    + "missing values, primary key, survey version, the export's filters and cursors, and the "
                    + "suppression rules of published figures), survey.sps (SPSS syntax reading the CSV and applying "
                    + "variable labels, value labels and measurement levels) and README.txt, in the language lang "
                    + "asks for.")
    @APIResponse(responseCode = "200", description = "The export, streamed, in the format asked for",
            headers = @Header(name = NEXT_CURSOR, description = "Resumes after the last response this export held",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "invalid-parameter: a parameter is not valid, e.g. format not "
            + "csv, ndjson, xlsx or datapackage, values not labels or codes (or labels for a datapackage), lang not "
            + "a language of the survey; the error names the parameter")
    @APIResponse(responseCode = "403", description = "The key does not have exports:read; or includeContact=true "
            + "without contacts:read (missing-scope), or for another organisation's survey (not-owner)")
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    @APIResponse(responseCode = "429", description = "too-many-exports: the organisation already runs as many "
            + "exports as it may at once (2 unless configured); retry after the seconds in Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER)))
    public Response export(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "csv, ndjson, xlsx or datapackage (a zip of the CSV with codes, datapackage.json, "
                    + "survey.sps and README.txt)", schema = @Schema(type = SchemaType.STRING,
                            enumeration = { "csv", "ndjson", "xlsx", "datapackage" }, defaultValue = "csv"))
            @QueryParam(ExportFormats.FORMAT) @DefaultValue("CSV") String format,
            @Parameter(description = "What choice and ranking cells hold: labels (the default, as before) or codes "
                    + "(option ids; a ranking as one column per item holding its rank). A datapackage always holds "
                    + "codes", schema = @Schema(type = SchemaType.STRING, enumeration = { "labels", "codes" }))
            @QueryParam(ExportFormats.VALUES) String values,
            @Parameter(description = "The language of a datapackage's README and SPSS labels: one the survey is "
                    + "written in; en when absent", example = "cy") @QueryParam(ExportFormats.LANG) String lang,
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
            @QueryParam(ContactAccess.PARAMETER) String includeContact, @Context Request http,
            @Context HttpServerResponse response) {
        ExportFormat exportFormat = ExportFormats.parse(format);
        ExportRequest request = new ExportRequest(exportFormat, new ExportFilter(since, until, channel, place), cursor,
                ContactAccess.asked(includeContact), ExportFormats.values(values, exportFormat), lang);
        // HEAD comes here too, and its body is never written: an export begun for it would hold its slot for good
        ExportService.Export export = HttpMethod.HEAD.equals(http.getMethod())
                ? exports.describe(caller, surveyId, request)
                : exports.prepare(caller, surveyId, request, response::closed);
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
