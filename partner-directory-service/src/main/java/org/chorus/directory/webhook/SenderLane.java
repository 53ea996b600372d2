package org.chorus.directory.webhook;

/**
 * Which deliveries a sender thread takes. A round waits for its slowest attempt, up to the send timeout, so a receiver
 * that does not answer would hold up every delivery that falls due meanwhile; its retries go to a lane of their own,
 * and receivers that answer are never kept waiting behind it.
 */
enum SenderLane {

    /** Deliveries never tried, or whose last attempt got an HTTP answer (success or not). */
    ANSWERING,

    /** Retries of deliveries whose last attempt got no answer: a timeout, a refused connection, a refused address. */
    SILENT;

    String threadName() {
        return switch (this) {
            case ANSWERING -> "chorus-webhook-sender";
            case SILENT -> "chorus-webhook-sender-silent";
        };
    }

    /** The lane's deliveries as a condition on {@code webhook_delivery d}. */
    String condition() {
        return switch (this) {
            case ANSWERING -> "(d.attempts = 0 OR d.last_status_code IS NOT NULL)";
            case SILENT -> "(d.attempts > 0 AND d.last_status_code IS NULL)";
        };
    }
}
