-- Coding frames for free text: two levels of categories, versioned. A frame's versions are frozen once written, as
-- survey versions are, so a coding always reads against the categories it was given. A frame with no organisation is
-- offered to every organisation (a framework loaded at first start).
CREATE TABLE coding_frame (
    id              UUID PRIMARY KEY,
    organisation_id UUID,
    name            TEXT        NOT NULL,
    latest_version  INT         NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX coding_frame_shared_name ON coding_frame (name) WHERE organisation_id IS NULL;

CREATE TABLE coding_frame_version (
    frame_id   UUID        NOT NULL REFERENCES coding_frame (id),
    version    INT         NOT NULL,
    categories JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (frame_id, version)
);

-- How one free-text answer was coded, in the first pass and, for a sample, blind by a second coder (pass SECOND) to
-- measure agreement. It goes with its response: erasing the response erases its codings.
CREATE TABLE answer_coding (
    response_id     UUID        NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    question_id     TEXT        NOT NULL,
    pass            TEXT        NOT NULL,
    survey_id       UUID        NOT NULL,
    frame_id        UUID        NOT NULL,
    frame_version   INT         NOT NULL,
    categories      TEXT[]      NOT NULL,
    sentiment       TEXT,
    cannot_be_coded BOOLEAN     NOT NULL,
    version         BIGINT      NOT NULL,
    coded_by        UUID,
    coded_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (response_id, question_id, pass),
    FOREIGN KEY (frame_id, frame_version) REFERENCES coding_frame_version (frame_id, version)
);
CREATE INDEX answer_coding_by_survey ON answer_coding (survey_id, question_id, pass);
