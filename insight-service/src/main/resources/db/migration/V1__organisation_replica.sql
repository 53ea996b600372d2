-- The insight service's own copy of the directory's organisations, kept from directory.organisations events, so
-- that it never has to call the directory while serving a request.
CREATE TABLE organisation_replica (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    place_codes   VARCHAR[]   NOT NULL,
    active        BOOLEAN     NOT NULL,
    last_sequence BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
