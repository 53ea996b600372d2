-- An organisation's names for the upload template's columns, so that its monthly export uploads unedited.
CREATE TABLE upload_column_mapping (
    organisation_id UUID PRIMARY KEY,
    columns         JSONB       NOT NULL,
    version         BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
