package org.chorus.insight.upload;

/** Where an upload stands. */
public enum UploadStatus {
    /** Waiting for a worker. */
    PENDING,
    PROCESSING,
    /** Finished; the report is complete. */
    DONE
}
