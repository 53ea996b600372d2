-- The first result of each creating request sent with an Idempotency-Key, so that a retry gets the same answer.
CREATE TABLE idempotency_record (
    caller          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    operation       TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    result          BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
