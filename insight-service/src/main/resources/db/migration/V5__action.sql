-- "You said, we did": what the partnership decided or changed in answer to findings.
CREATE TABLE action (
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    title           TEXT        NOT NULL,
    decision        TEXT        NOT NULL,
    finding_ids     UUID[]      NOT NULL,
    status          TEXT        NOT NULL,
    -- Why it was not taken forward; required for that status, so that people are told, not ignored.
    reason          TEXT,
    decided_on      DATE        NOT NULL,
    due_on          DATE,
    completed_on    DATE,
    published       BOOLEAN     NOT NULL,
    published_at    TIMESTAMPTZ,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CHECK (status <> 'NOT_TAKEN_FORWARD' OR reason IS NOT NULL)
);
CREATE INDEX action_findings ON action USING GIN (finding_ids);
CREATE INDEX action_decided ON action (decided_on DESC, id DESC);
