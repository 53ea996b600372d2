package org.chorus.insight.upload;

import static org.chorus.insight.upload.UploadFormat.CSV_TYPE;
import static org.chorus.insight.upload.UploadFormat.XLSX_TYPE;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.chorus.insight.common.Labels;
import org.chorus.platform.idempotency.IdempotentRequests;
import org.chorus.platform.web.Locations;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.paging.PageRequest;
import org.chorus.platform.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bulk uploads of activities with findings, as local Healthwatch send them, with a report per row. Request scoped
 * because it holds the request's caller.
 */
@Path("/api/v1/uploads")
@RequestScoped
@Tag(name = "Uploads")
public class UploadResource {

    private final UploadService uploads;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public UploadResource(UploadService uploads, IdempotentRequests idempotency, Caller caller) {
        this.uploads = uploads;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    // any type reaches the method, so that a key without the scope hears 403 first, and a file of another type hears
    // what to send instead
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "uploadActivities", summary = "Upload activities with their findings",
            description = "A CSV file (GET /api/v1/uploads/template.csv; UTF-8 with or without BOM, CRLF or LF, quoted "
                    + "cells may hold line breaks; a row holds an activity and at most one finding, and rows sharing a "
                    + "reference are one activity with several findings, its columns repeated or left blank; lists "
                    + "separated by ';', quotes one per line), an Excel workbook laid out as the CSV (its first sheet, or the one named by sheet; formulas read as their saved values) or a JSON file (GET /api/v1/uploads/schema.json). Every row needs the "
                    + "organisation's own reference: a row whose reference exists updates that activity and its "
                    + "findings by position. Good rows are kept and bad ones reported, unless mode=all-or-nothing. "
                    + "Up to 500 rows are processed at once (201 with the report); larger files become a job (202) "
                    + "whose progress and report are at the Location. Safe to retry with the same Idempotency-Key.")
    @RequestBody(content = {
            @Content(mediaType = CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "See GET /api/v1/uploads/schema.json")) })
    @APIResponse(responseCode = "201", description = "Processed; the report is in rows",
            content = @Content(schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "202", description = "Accepted as a job; follow the Location for progress and report",
            content = @Content(schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another file")
    @APIResponse(responseCode = "413", description = "File larger than 32 MB")
    @APIResponse(responseCode = "415", description = "Not text/csv, an .xlsx workbook or application/json: the "
            + "detail says what to send instead")
    @APIResponse(responseCode = "422", description = "The calling organisation is not active in the directory")
    public Response upload(
            @Parameter(description = "keep-valid (default) or all-or-nothing") @QueryParam("mode") String mode,
            @Parameter(description = "For a workbook: the sheet to read (default: the first); a CSV or JSON file has none")
            @QueryParam("sheet") String sheet,
            @Parameter(description = "Makes retries safe: the same key and file return the first result")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] content) {
        UploadMode uploadMode = mode(mode);
        UploadFormat format = UploadFormat.ofContentType(contentType)
                .orElseThrow(() -> ProblemException.unsupportedMediaType(UploadFormat.whatToSendInstead(contentType)));
        requireSheetsIfNamed(format, sheet);
        byte[] file = content == null ? new byte[0] : content;
        var outcome = idempotency.executeRecordedWithFirstCommit(caller.organisationId().toString(), idempotencyKey,
                "upload", new Fingerprint(format.label(), sheet, uploadMode, file), Upload.class,
                key -> uploads.receive(caller, format, sheet, uploadMode, file, key));
        // a retry hears where the upload is now: the key was recorded as the upload began
        Upload upload = outcome.replayed() ? uploads.get(caller, outcome.result().summary().id()) : outcome.result();
        int status = upload.summary().status() == UploadStatus.DONE ? 201 : 202;
        return Response.status(status).location(Locations.of(UploadResource.class, upload.summary().id()))
                .entity(upload).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ })
    @Operation(operationId = "listUploads", summary = "List uploads, newest first",
            description = "Each upload's progress and counts, to find an earlier upload again; its report per row is "
                    + "at the upload. Cursor-paged. With insights:read every organisation's uploads; with only "
                    + "insights:write the calling organisation's own.")
    @APIResponse(responseCode = "200", description = "A page of uploads")
    public Page<UploadSummary> list(
            @Parameter(description = "Only this organisation's uploads") @QueryParam("organisation") UUID organisation,
            @Parameter(description = "Only uploads in this state: PENDING (a job waiting for a worker), "
                    + "PROCESSING or DONE") @QueryParam("status") UploadStatus status,
            @Valid @BeanParam PageRequest page) {
        return uploads.list(caller, organisation, status, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ })
    @Operation(operationId = "getUpload", summary = "Get an upload's progress and report")
    @APIResponse(responseCode = "200", description = "The upload; rows is filled once status is DONE",
            content = @Content(schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "404", description = "No such upload, or another organisation's")
    public Upload get(@PathParam("id") UUID id) {
        return uploads.get(caller, id);
    }

    @GET
    @Path("/{id}/report")
    @Produces({ CSV_TYPE, XLSX_TYPE })
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "getUploadReport", summary = "Download an upload's report as the file's own rows",
            description = "The uploaded spreadsheet's rows as it had them, each with two columns beside it: "
                    + "'Chorus status' (ACCEPTED, UPDATED, UNCHANGED, REJECTED, SKIPPED) and 'Chorus reasons'. Fix the "
                    + "rejected rows in place and upload the file again: uploads ignore those two columns. Blank rows "
                    + "are left out. A JSON upload's report lists its activities by position and reference. Only the "
                    + "organisation that uploaded the file may download it; a spreadsheet is kept for 30 days.")
    @APIResponse(responseCode = "200", description = "The report",
            content = { @Content(mediaType = CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such upload, or another organisation's")
    @APIResponse(responseCode = "409", description = "The upload is not processed yet")
    @APIResponse(responseCode = "410", description = "The spreadsheet is no longer kept; the report stays at the upload")
    public Response report(@PathParam("id") UUID id,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") String format) {
        boolean xlsx = reportFormat(format);
        RowReportFile report = uploads.report(caller, id);
        StreamingOutput body = xlsx ? report::writeXlsx : report::writeCsv;
        return Response.ok(body, xlsx ? XLSX_TYPE : CSV_TYPE + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"upload-" + id + "-report." + (xlsx ? "xlsx" : "csv") + "\"").build();
    }

    @GET
    @Path("/template.csv")
    @Produces(CSV_TYPE)
    @RolesAllowed({ Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ })
    @Operation(operationId = "getUploadTemplate",
            summary = "Get the CSV template", description = "The header row and one example row.")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = CSV_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response template() {
        return Response.ok(UploadFiles.read(UploadFiles.TEMPLATE))
                .header("Content-Disposition", "attachment; filename=\"chorus-upload-template.csv\"").build();
    }

    @GET
    @Path("/schema.json")
    @Produces("application/schema+json")
    @RolesAllowed({ Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ })
    @Operation(operationId = "getUploadSchema", summary = "Get the JSON schema of JSON uploads")
    @APIResponse(responseCode = "200", description = "A JSON Schema (2020-12)",
            content = @Content(mediaType = "application/schema+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Response schema() {
        return Response.ok(UploadFiles.read(UploadFiles.SCHEMA)).build();
    }

    private static UploadMode mode(String mode) {
        if (mode == null) {
            return UploadMode.KEEP_VALID;
        }
        return Labels.parse(UploadMode.class, mode).orElseThrow(
                () -> ProblemException.invalidParameter("mode", "must be keep-valid or all-or-nothing"));
    }

    private static boolean reportFormat(String format) {
        if (format == null || format.equals("csv")) {
            return false;
        }
        if (format.equals("xlsx")) {
            return true;
        }
        throw ProblemException.invalidParameter("format", "must be csv or xlsx");
    }

    /**
     * A sheet named for a file that has none would be stored as the sheet the upload read, and nothing would have been
     * read from it.
     */
    private static void requireSheetsIfNamed(UploadFormat format, String sheet) {
        if (sheet != null && !format.hasSheets()) {
            throw ProblemException.invalidParameter("sheet", "names a sheet of an Excel workbook (XLSX), and a "
                    + format.label().toUpperCase(Locale.ROOT) + " file has none; leave it out");
        }
    }

    /** Without a sheet it reads as before sheets existed, so a retry across an upgrade still matches its first try. */
    record Fingerprint(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String sheet, UploadMode mode,
            byte[] content) {
    }
}
