-- Engagement activities: how, when, where and with whom an organisation heard people.
CREATE TABLE activity (
    id                UUID PRIMARY KEY,
    organisation_id   UUID        NOT NULL,
    -- The organisation's own reference for the activity, so that a re-uploaded file updates instead of duplicating.
    reference         TEXT,
    title             TEXT        NOT NULL,
    method            TEXT        NOT NULL,
    start_date        DATE        NOT NULL,
    end_date          DATE        NOT NULL,
    place_codes       VARCHAR[]   NOT NULL,
    participant_count INTEGER     NOT NULL CHECK (participant_count >= 0),
    groups_reached    VARCHAR[]   NOT NULL DEFAULT '{}',
    stakeholder_group TEXT        NOT NULL,
    ladder_rung       TEXT,
    programme_area    TEXT,
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE UNIQUE INDEX activity_reference ON activity (organisation_id, reference) WHERE reference IS NOT NULL;
CREATE INDEX activity_start ON activity (start_date, id);
CREATE INDEX activity_places ON activity USING GIN (place_codes);
CREATE INDEX activity_groups ON activity USING GIN (groups_reached);
