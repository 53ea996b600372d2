-- A survey and its editable draft. The definition is one validated JSON document rather than a table per
-- question part: it is always read and written whole, and published versions must stay byte-for-byte frozen.
CREATE TABLE survey (
    id                UUID PRIMARY KEY,
    organisation_id   UUID        NOT NULL,
    status            TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    draft             JSONB,
    published_version INT,
    opens_at          TIMESTAMPTZ,
    closes_at         TIMESTAMPTZ,
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX survey_organisation ON survey (organisation_id, created_at, id);
CREATE INDEX survey_open ON survey (created_at, id) WHERE status = 'OPEN';

-- Every published version, frozen: responses are validated and exported against the version they were given for.
CREATE TABLE survey_version (
    survey_id    UUID        NOT NULL REFERENCES survey (id),
    version      INT         NOT NULL,
    definition   JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (survey_id, version)
);

-- One row per accepted response. No identity: the erasure token is kept only as its SHA-256 hash.
CREATE TABLE response (
    id                  UUID PRIMARY KEY,
    survey_id           UUID        NOT NULL REFERENCES survey (id),
    survey_version      INT         NOT NULL,
    channel             TEXT        NOT NULL,
    place_code          TEXT,
    via_organisation_id UUID        NOT NULL,
    entered_by          TEXT,
    submitted_at        TIMESTAMPTZ NOT NULL,
    answers             JSONB       NOT NULL,
    erasure_token_hash  TEXT        NOT NULL UNIQUE
);
CREATE INDEX response_by_time ON response (survey_id, submitted_at, id);

-- Counters kept in step with responses in the same transaction, so results never scan responses. Each counter is
-- spread over a few shards so that concurrent submissions do not queue on one hot row; readers sum the shards.
CREATE TABLE tally (
    survey_id       UUID     NOT NULL,
    dimension       TEXT     NOT NULL,
    dimension_value TEXT     NOT NULL,
    question_id     TEXT     NOT NULL,
    answer_key      TEXT     NOT NULL,
    shard           SMALLINT NOT NULL,
    count           BIGINT   NOT NULL,
    PRIMARY KEY (survey_id, dimension, dimension_value, question_id, answer_key, shard)
);

-- Who exported what, when: every export of responses, whether or not it completed.
CREATE TABLE export_audit (
    id              UUID PRIMARY KEY,
    survey_id       UUID        NOT NULL,
    organisation_id UUID        NOT NULL,
    key_id          UUID        NOT NULL,
    format          TEXT        NOT NULL,
    filters         JSONB       NOT NULL,
    row_count       BIGINT      NOT NULL,
    completed       BOOLEAN     NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX export_audit_time ON export_audit (started_at, id);
