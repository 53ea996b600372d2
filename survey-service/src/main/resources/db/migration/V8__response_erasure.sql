-- A tombstone for each erased response: its id, its survey and when it was erased, nothing of what it said. The
-- change feed hands these to analysts, whose downloaded copies would otherwise keep a response its respondent took
-- back. Responses erased before this table existed left no tombstone.
CREATE TABLE response_erasure (
    response_id UUID PRIMARY KEY,
    survey_id   UUID        NOT NULL,
    erased_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX response_erasure_by_time ON response_erasure (survey_id, erased_at, response_id);
