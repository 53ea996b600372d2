package org.chorus.insight.upload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.organisation.ActingOrganisation;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.idempotency.IdempotentRequests;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Receives uploads: a small file is processed while the caller waits and answered with its report; a large one is
 * kept as a job for the {@link UploadWorker} and answered at once, to be followed by its progress.
 */
@ApplicationScoped
public class UploadService {

    private final UploadRepository uploads;
    private final UploadProcessor processor;
    private final ActingOrganisation acting;
    private final int inlineRows;
    private final AuditTrail audit;
    private final UploadViews views;
    private final UploadFileReader files;
    private final UploadFileRepository keptFiles;
    private final Duration keepFileFor;
    private final UploadWorker worker;

    UploadService(UploadRepository uploads, UploadProcessor processor, ActingOrganisation acting,
            @ConfigProperty(name = "chorus.insight.upload.inline-rows") int inlineRows, AuditTrail audit,
            UploadViews views, UploadFileReader files, UploadFileRepository keptFiles,
            @ConfigProperty(name = "chorus.insight.upload.keep-file-for") Duration keepFileFor, UploadWorker worker) {
        this.worker = worker;
        this.files = files;
        this.keptFiles = keptFiles;
        this.keepFileFor = keepFileFor;
        this.audit = audit;
        this.views = views;
        this.uploads = uploads;
        this.processor = processor;
        this.acting = acting;
        this.inlineRows = inlineRows;
    }

    /**
     * Runs inside the caller's idempotency transaction; the upload and its rows commit in transactions of their own.
     * The key is recorded with the upload itself, so that a request failing after that (while a small file is
     * processed, or on its way out) is not made again by its retry. A small file is processed here, but kept as a
     * job's is, with a heartbeat: if this replica dies half way, a worker takes it over, as it takes over a large
     * file's job, where it stayed PROCESSING for good.
     */
    public Upload receive(Caller caller, UploadFormat format, String sheet, UploadMode mode, byte[] content,
            IdempotentRequests.Recorder<Upload> key) {
        UUID organisationId = acting.requireActive(caller);
        // read once, and kept with the upload: a job read later reads the file by the names it was sent with
        Map<String, String> columns = format.isSpreadsheet() ? files.columnsNow(organisationId) : null;
        List<RawRow> rows = files.read(format, sheet, content, columns);
        if (rows.isEmpty()) {
            throw MalformedUpload.because("The file has no rows");
        }
        boolean asJob = rows.size() > inlineRows;
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            UUID created = create(new Received(organisationId, format, sheet, mode, content, columns), rows.size(),
                    asJob);
            keepForReport(created, format, content);
            audit.record("insights.uploaded", "upload", created, Map.of("format", format.label(), "mode", mode.name(),
                    "rows", Integer.toString(rows.size()), "asJob", Boolean.toString(asJob)));
            key.record(views.of(uploads.findById(created)));
            return created;
        });
        if (!asJob) {
            worker.keepingAlive(id, () -> processor.process(id, organisationId, format, mode, rows));
        }
        return QuarkusTransaction.requiringNew().call(() -> views.of(uploads.findById(id)));
    }

    /** @throws ProblemException 404 unless the caller's organisation made the upload or the caller reads insights */
    @Transactional
    public Upload get(Caller caller, UUID id) {
        return uploads.findByIdOptional(id)
                .filter(u -> caller.belongsTo(u.organisationId) || caller.has(Scopes.INSIGHTS_READ))
                .map(views::of)
                .orElseThrow(() -> ProblemException.notFound("Upload", id));
    }

    /**
     * Uploads newest first: a key that reads insights sees every organisation's (or the one asked for), a key that
     * may only write sees its own organisation's, as with activities.
     */
    @Transactional
    public Page<UploadSummary> list(Caller caller, UUID organisationId, UploadStatus status, int limit, String cursor) {
        UUID visible = caller.has(Scopes.INSIGHTS_READ) ? organisationId : caller.organisationId();
        Cursor before = Cursor.decode(cursor);
        List<UploadEntity> fetched = uploads.newestFirst(visible, status, Cursor.instantOf(before),
                Cursor.idOf(before), limit + 1);
        return Page.of(fetched, limit, u -> new Cursor(u.createdAt.toString(), u.id).encode()).map(views::summaryOf);
    }

    /**
     * The upload's row report as a spreadsheet of the file's own rows with a status and reasons beside each; only for
     * the organisation that uploaded it, since it holds the file's cells.
     *
     * @throws ProblemException 404 for another organisation's upload, 409 while it is processed, 410 once a
     *         spreadsheet's file is no longer kept
     */
    @Transactional
    public RowReportFile report(Caller caller, UUID id) {
        UploadEntity upload = uploads.findByIdOptional(id).filter(u -> caller.belongsTo(u.organisationId))
                .orElseThrow(() -> ProblemException.notFound("Upload", id));
        if (upload.status != UploadStatus.DONE) {
            throw new ProblemException(409, "upload-not-finished", "Upload not finished",
                    "The upload is " + upload.status + "; its report can be downloaded once it is DONE");
        }
        List<RowResult> results = views.of(upload).rows();
        if (!upload.format.isSpreadsheet()) {
            return RowReportFile.ofActivities(results);
        }
        UploadFileEntity file = keptFiles.findByIdOptional(id).orElseThrow(() -> new ProblemException(410,
                "upload-file-not-kept", "Upload file no longer kept", "A spreadsheet is kept for "
                        + keepFileFor.toDays() + " days after its upload; its report is still at /api/v1/uploads/" + id));
        return RowReportFile.of(files.grid(upload.format, upload.sheet, file.content), results);
    }

    /** A spreadsheet is kept so that its report can give the person's own rows back; a JSON file has no rows to give. */
    private void keepForReport(UUID uploadId, UploadFormat format, byte[] content) {
        if (!format.isSpreadsheet()) {
            return;
        }
        UploadFileEntity file = new UploadFileEntity();
        file.uploadId = uploadId;
        file.content = content;
        file.keptUntil = StoredTime.now().plus(keepFileFor);
        keptFiles.persist(file);
    }

    /** A job waiting for a worker, or a small file being processed as its caller waits. */
    private UUID create(Received file, int totalRows, boolean asJob) {
        UploadEntity upload = new UploadEntity();
        upload.id = UUID.randomUUID();
        upload.organisationId = file.organisationId();
        upload.format = file.format();
        upload.sheet = file.sheet();
        upload.mode = file.mode();
        upload.status = asJob ? UploadStatus.PENDING : UploadStatus.PROCESSING;
        upload.totalRows = totalRows;
        upload.content = file.content();
        upload.columnMapping = file.columns();
        upload.createdAt = StoredTime.now();
        upload.heartbeatAt = asJob ? null : upload.createdAt;
        uploads.persist(upload);
        return upload.id;
    }

    /** What came with a file: whose it is, how to read it, and how to store its rows. */
    private record Received(UUID organisationId, UploadFormat format, String sheet, UploadMode mode, byte[] content,
            Map<String, String> columns) {
    }
}
