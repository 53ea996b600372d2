-- Bulk uploads of activities with findings. Large files wait here as jobs; any replica's worker may claim one.
CREATE TABLE upload (
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    format          TEXT        NOT NULL,
    mode            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    total_rows      INTEGER     NOT NULL,
    processed_rows  INTEGER     NOT NULL,
    accepted_rows   INTEGER     NOT NULL,
    updated_rows    INTEGER     NOT NULL,
    rejected_rows   INTEGER     NOT NULL,
    skipped_rows    INTEGER     NOT NULL,
    -- The file itself, kept only until a job has processed it.
    content         BYTEA,
    -- The per-row report as JSON, written when processing ends.
    report          TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX upload_pending ON upload (created_at) WHERE status = 'PENDING';
