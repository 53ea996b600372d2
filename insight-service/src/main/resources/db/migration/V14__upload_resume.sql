-- A job's report chunk by chunk, each written as its chunk commits: a job taken over from a worker that died goes on
-- after the last chunk stored, with those rows' outcomes as they were, instead of finding its own rows stored and
-- reporting them unchanged. Forgotten once the job's whole report is written.
CREATE TABLE upload_chunk (
    upload_id UUID    NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
    first_row INTEGER NOT NULL,
    results   TEXT    NOT NULL,
    PRIMARY KEY (upload_id, first_row)
);

-- The organisation's column names as they were when a spreadsheet came, so that a job read later, after the mapping
-- changed, reads the file as it was sent (NULL: a JSON file, or a job queued before this column).
ALTER TABLE upload ADD COLUMN column_mapping JSONB;
