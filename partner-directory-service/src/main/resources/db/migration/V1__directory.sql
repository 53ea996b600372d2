-- The partnership's geography: the integrated care system, its local partnerships and local authority areas.
CREATE TABLE place (
    id          UUID PRIMARY KEY,
    code        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    parent_id   UUID REFERENCES place (id),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE organisation (
    id              UUID PRIMARY KEY,
    name            TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    ods_code        TEXT UNIQUE,
    website         TEXT,
    contact_email   TEXT,
    place_codes     VARCHAR[]   NOT NULL DEFAULT '{}',
    allowed_origins VARCHAR[]   NOT NULL DEFAULT '{}',
    active          BOOLEAN     NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX organisation_name ON organisation (lower(name), id);
CREATE INDEX organisation_places ON organisation USING GIN (place_codes);

-- Keys are stored as SHA-256 hashes of their secret: the secret itself is shown once, at issue, and never kept.
CREATE TABLE api_key (
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL REFERENCES organisation (id),
    name            TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    secret_prefix   TEXT        NOT NULL,
    secret_hash     TEXT        NOT NULL UNIQUE,
    scopes          VARCHAR[]   NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX api_key_organisation ON api_key (organisation_id, created_at, id);
