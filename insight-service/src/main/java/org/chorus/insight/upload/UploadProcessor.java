package org.chorus.insight.upload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import org.chorus.insight.activity.ActivityEntity;
import org.chorus.insight.organisation.OrganisationReplicaRepository;
import org.chorus.insight.theme.ThemeService;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.UploadData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs the rows of an upload. Keeping valid rows, it stores them in chunks, each chunk its own transaction with the
 * progress, so a large file shows how far it got; all-or-nothing, it judges every row first and stores only if all
 * are good, in one transaction.
 */
@ApplicationScoped
class UploadProcessor {

    private static final Logger LOG = Logger.getLogger(UploadProcessor.class);
    private static final int CHUNK = 200;

    private final UploadRepository uploads;
    private final RowWriter writer;
    private final OrganisationReplicaRepository replicas;
    private final ThemeService themes;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final Outbox outbox;
    private final UploadChunks chunks;
    private final Duration allOrNothingTimeout;

    UploadProcessor(UploadRepository uploads, RowWriter writer, OrganisationReplicaRepository replicas,
            ThemeService themes, Validator validator, ObjectMapper objectMapper, Outbox outbox, UploadChunks chunks,
            @ConfigProperty(name = "chorus.insight.upload.all-or-nothing-timeout") Duration allOrNothingTimeout) {
        this.uploads = uploads;
        this.writer = writer;
        this.replicas = replicas;
        this.themes = themes;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.outbox = outbox;
        this.chunks = chunks;
        this.allOrNothingTimeout = allOrNothingTimeout;
    }

    void process(UUID uploadId, UUID organisationId, UploadFormat format, UploadMode mode, List<RawRow> rows) {
        BiFunction<String, Boolean, String> naming = format.isSpreadsheet() ? UploadFields::csvColumn
                : (f, finding) -> f;
        RowReader reader = QuarkusTransaction.requiringNew().call(
                () -> new RowReader(validator, replicas.knownPlaceCodes(), themes.labelsByCode(), naming));
        List<RowResult> results = new ArrayList<>();
        if (mode == UploadMode.ALL_OR_NOTHING) {
            results.addAll(allOrNothingSafely(uploadId, organisationId, reader, rows));
        } else {
            // a job taken over goes on after the chunks its first worker stored, with their outcomes as they were
            results.addAll(QuarkusTransaction.requiringNew().call(() -> chunks.recorded(uploadId)));
            Set<String> seen = new HashSet<>();
            results.stream().map(RowResult::reference).filter(Objects::nonNull).forEach(r -> seen.add(r.strip()));
            for (int from = results.size(); from < rows.size(); from += CHUNK) {
                List<RawRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                results.addAll(chunk(uploadId, organisationId, reader, chunk, seen, results.size()));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> finish(uploadId, results));
    }

    private List<RowResult> chunk(UUID uploadId, UUID organisationId, RowReader reader, List<RawRow> chunk,
            Set<String> seen, int processedBefore) {
        Set<String> seenBefore = new HashSet<>(seen);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<RowResult> results = handleChunk(organisationId, reader, chunk, seen, true);
                recordChunk(uploadId, processedBefore, results);
                return results;
            });
        } catch (RuntimeException e) {
            // One row the rules let through but the database refused must not cost the rest of the chunk.
            LOG.warnf(e, "Upload %s: a chunk failed; storing its rows one by one", uploadId);
            seen.clear();
            seen.addAll(seenBefore);
            List<RowResult> results = new ArrayList<>();
            for (RawRow row : chunk) {
                results.add(alone(organisationId, reader, row, seen));
            }
            QuarkusTransaction.requiringNew().run(() -> recordChunk(uploadId, processedBefore, results));
            return results;
        }
    }

    /** The chunk's outcomes and the job's progress, with the chunk's rows or just after them. */
    private void recordChunk(UUID uploadId, int firstRow, List<RowResult> results) {
        chunks.record(uploadId, firstRow, results);
        uploads.progress(uploadId, firstRow + results.size(), StoredTime.now());
    }

    private RowResult alone(UUID organisationId, RowReader reader, RawRow row, Set<String> seen) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // read afresh: what another upload stored meanwhile may be why the chunk failed
                ParsedRow parsed = reader.read(row);
                return handle(organisationId, row, parsed, writer.existing(organisationId, List.of(parsed), true), seen,
                        true);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Upload row %d could not be stored", row.row());
            return RowResult.rejected(row, null, List.of("could not be stored because of a fault on our "
                    + "side; upload the file again to retry this row"));
        }
    }

    private List<RowResult> allOrNothingSafely(UUID uploadId, UUID organisationId, RowReader reader,
            List<RawRow> rows) {
        try {
            // Not the default minute: a large file re-sent takes longer, and the whole file is one transaction.
            return QuarkusTransaction.requiringNew().timeout(Math.toIntExact(allOrNothingTimeout.toSeconds()))
                    .call(() -> allOrNothing(organisationId, reader, rows));
        } catch (KeptOut e) {
            return e.results;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Upload %s: storing all rows failed; none was kept", uploadId);
            return rows.stream().map(r -> RowResult.rejected(r, null, List.of("not stored: the upload failed "
                    + "because of a fault on our side and nothing was kept; upload the file again"))).toList();
        }
    }

    private List<RowResult> allOrNothing(UUID organisationId, RowReader reader, List<RawRow> rows) {
        List<RowResult> judged = inChunks(organisationId, reader, rows, false);
        if (judged.stream().anyMatch(r -> r.status() == RowStatus.REJECTED)) {
            return judged;
        }
        List<RowResult> stored = inChunks(organisationId, reader, rows, true);
        if (stored.stream().noneMatch(r -> r.status() == RowStatus.REJECTED)) {
            return stored;
        }
        // Something was committed between the judging and the storing, and a row no longer fits: keep none.
        throw new KeptOut(stored.stream().map(r -> r.status() == RowStatus.REJECTED ? r : r.notStored()).toList());
    }

    /** Rolls back an all-or-nothing file that turned out bad while it was being stored, carrying its report out. */
    private static final class KeptOut extends RuntimeException {

        private final transient List<RowResult> results;

        KeptOut(List<RowResult> results) {
            super("a row of an all-or-nothing file was rejected while it was stored", null, false, false);
            this.results = results;
        }
    }

    /**
     * All rows in one transaction, a chunk at a time, the session emptied after each: Hibernate checks every entity
     * it holds at each flush and query, so a whole file held at once would cost the square of its rows.
     */
    private List<RowResult> inChunks(UUID organisationId, RowReader reader, List<RawRow> rows, boolean store) {
        Set<String> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<RawRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            results.addAll(handleChunk(organisationId, reader, chunk, seen, store));
            writer.release();
        }
        return results;
    }

    /** What is stored of the chunk's activities is read for the whole chunk, not row by row. */
    private List<RowResult> handleChunk(UUID organisationId, RowReader reader, List<RawRow> chunk, Set<String> seen,
            boolean store) {
        List<ParsedRow> parsed = chunk.stream().map(reader::read).toList();
        StoredActivities stored = writer.existing(organisationId, parsed, store);
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            results.add(handle(organisationId, chunk.get(i), parsed.get(i), stored, seen, store));
        }
        return results;
    }

    /**
     * Judges a row and, if it is good and {@code store} is set, stores it; a good row not stored is SKIPPED.
     *
     * @param stored what is stored of the organisation's activities the rows of this chunk name
     */
    private RowResult handle(UUID organisationId, RawRow raw, ParsedRow row, StoredActivities stored,
            Set<String> seen, boolean store) {
        List<String> reasons = new ArrayList<>(row.reasons());
        ActivityEntity existing = null;
        if (row.reference() != null) {
            if (!seen.add(row.reference().strip())) {
                reasons.add("reference '" + row.reference() + "' appears in an earlier row of this file");
            } else {
                existing = stored.named(row.reference());
            }
        }
        if (existing != null && reasons.isEmpty()) {
            reasons.addAll(writer.conflicts(stored, existing, row, store));
        }
        if (!reasons.isEmpty()) {
            return RowResult.rejected(raw, row.reference(), reasons);
        }
        if (!store) {
            return RowResult.skipped(row.row(), row.rows(), row.reference());
        }
        return writer.write(organisationId, stored, existing, row);
    }

    private void finish(UUID uploadId, List<RowResult> results) {
        UploadEntity upload = uploads.findById(uploadId);
        upload.processedRows = results.size();
        upload.acceptedRows = count(results, RowStatus.ACCEPTED);
        upload.updatedRows = count(results, RowStatus.UPDATED);
        upload.unchangedRows = count(results, RowStatus.UNCHANGED);
        upload.rejectedRows = count(results, RowStatus.REJECTED);
        upload.skippedRows = count(results, RowStatus.SKIPPED);
        upload.status = UploadStatus.DONE;
        upload.finishedAt = StoredTime.now();
        upload.content = null;
        chunks.forget(uploadId);
        try {
            upload.report = objectMapper.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Upload report could not be written", e);
        }
        outbox.record(ChorusEventTypes.UPLOAD_FINISHED, upload.id, new UploadData(upload.id, upload.organisationId,
                upload.mode.name(), upload.processedRows, upload.acceptedRows, upload.updatedRows, upload.unchangedRows,
                upload.rejectedRows, upload.skippedRows, upload.finishedAt));
    }

    private static int count(List<RowResult> results, RowStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
