-- A spreadsheet upload's file, kept for a while after processing so that its row report can be given back as the
-- person's own rows with a status and reasons beside them, ready to fix and upload again. Pruned after kept_until.
CREATE TABLE upload_file (
    upload_id  UUID PRIMARY KEY REFERENCES upload (id) ON DELETE CASCADE,
    content    BYTEA       NOT NULL,
    kept_until TIMESTAMPTZ NOT NULL
);
CREATE INDEX upload_file_kept_until ON upload_file (kept_until);
