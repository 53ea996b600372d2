package org.chorus.insight.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.problem.OutageLog;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Processes large uploads in the background, one job at a time per replica; replicas never take the same job at
 * once, and a job whose worker died is taken over. A running job's heartbeat is refreshed on a timer, not by its
 * progress: an all-or-nothing job stores nothing until its one transaction ends, and must not look dead meanwhile.
 */
@ApplicationScoped
class UploadWorker {

    private static final Logger LOG = Logger.getLogger(UploadWorker.class);
    /** Far longer than one chunk takes, so that a slow worker is not mistaken for a dead one. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final UploadRepository uploads;
    private final UploadProcessor processor;
    private final UploadFileReader files;
    private final UploadFileRepository keptFiles;
    /** The jobs this replica is processing now, whose heartbeat it keeps fresh. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final OutageLog processing = new OutageLog(LOG, "process uploads");
    private final OutageLog heartbeats = new OutageLog(LOG, "refresh running uploads' heartbeats");
    private final OutageLog forgetting = new OutageLog(LOG, "forget expired upload files");

    UploadWorker(UploadRepository uploads, UploadProcessor processor, UploadFileReader files,
            UploadFileRepository keptFiles) {
        this.uploads = uploads;
        this.keptFiles = keptFiles;
        this.processor = processor;
        this.files = files;
    }

    @Scheduled(every = "${chorus.insight.upload.poll-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void work() {
        processing.run(this::processWaitingJobs);
    }

    private void processWaitingJobs() {
        Optional<Claimed> job;
        while ((job = claim()).isPresent()) {
            Claimed claimed = job.get();
            LOG.infof("Processing upload %s", claimed.upload().id);
            UploadEntity u = claimed.upload();
            // a job queued before uploads kept their column names reads the file by the organisation's names now
            Map<String, String> columns = u.columnMapping == null && u.format.isSpreadsheet()
                    ? files.columnsNow(u.organisationId) : u.columnMapping;
            keepingAlive(u.id, () -> processor.process(u.id, u.organisationId, u.format, u.mode,
                    files.read(u.format, u.sheet, claimed.content(), columns)));
        }
    }

    /** Runs an upload's processing with its heartbeat kept fresh, so that no worker takes it over meanwhile. */
    void keepingAlive(UUID uploadId, Runnable processing) {
        running.add(uploadId);
        try {
            processing.run();
        } finally {
            running.remove(uploadId);
        }
    }

    /** Well within {@link #STALLED_AFTER}, so that a live job is never taken over. */
    @Scheduled(every = "${chorus.insight.upload.heartbeat-every:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        heartbeats.run(() -> {
            for (UUID id : running) {
                QuarkusTransaction.requiringNew().run(() -> uploads.touch(id, StoredTime.now()));
            }
        });
    }

    /** Files kept for row reports hold what people wrote: none is kept past its time. */
    @Scheduled(every = "${chorus.insight.upload.forget-files-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetExpiredFiles() {
        forgetting.run(() -> {
            long forgotten = QuarkusTransaction.requiringNew().call(() -> keptFiles.forgetExpired(StoredTime.now()));
            if (forgotten > 0) {
                LOG.infof("Forgot %d upload files past their keeping time", forgotten);
            }
        });
    }

    private Optional<Claimed> claim() {
        Instant stalledBefore = StoredTime.now().minus(STALLED_AFTER);
        return QuarkusTransaction.requiringNew().call(() -> uploads.claim(stalledBefore).map(upload -> {
            upload.status = UploadStatus.PROCESSING;
            upload.heartbeatAt = StoredTime.now();
            return new Claimed(upload, upload.content);
        }));
    }

    private record Claimed(UploadEntity upload, byte[] content) {
    }
}
