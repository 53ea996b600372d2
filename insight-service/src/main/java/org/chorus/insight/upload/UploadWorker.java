package org.chorus.insight.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Processes large uploads in the background, one job at a time per replica; replicas never take the same job at
 * once, and a job whose worker died is taken over.
 */
@ApplicationScoped
class UploadWorker {

    private static final Logger LOG = Logger.getLogger(UploadWorker.class);
    /** Far longer than one chunk takes, so that a slow worker is not mistaken for a dead one. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final UploadRepository uploads;
    private final UploadProcessor processor;

    UploadWorker(UploadRepository uploads, UploadProcessor processor) {
        this.uploads = uploads;
        this.processor = processor;
    }

    @Scheduled(every = "${chorus.insight.upload.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        Optional<Claimed> job;
        while ((job = claim()).isPresent()) {
            Claimed claimed = job.get();
            LOG.infof("Processing upload %s", claimed.upload().id);
            UploadEntity u = claimed.upload();
            processor.process(u.id, u.organisationId, u.format, u.mode, UploadService.read(u.format, claimed.content()));
        }
    }

    private Optional<Claimed> claim() {
        Instant stalledBefore = Instant.now().minus(STALLED_AFTER);
        return QuarkusTransaction.requiringNew().call(() -> uploads.claim(stalledBefore).map(upload -> {
            upload.status = UploadStatus.PROCESSING;
            upload.heartbeatAt = Instant.now();
            return new Claimed(upload, upload.content);
        }));
    }

    private record Claimed(UploadEntity upload, byte[] content) {
    }
}
