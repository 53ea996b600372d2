-- What reach summaries count of survey responses, kept from survey.responses events: no answers, no personal data.
-- An erased response stays as a tombstone so that a late or redelivered submission cannot bring it back.
CREATE TABLE survey_response (
    response_id            UUID PRIMARY KEY,
    survey_id              UUID,
    survey_organisation_id UUID,
    via_organisation_id    UUID,
    place_code             TEXT,
    channel                TEXT,
    submitted_at           TIMESTAMPTZ,
    erased                 BOOLEAN NOT NULL
);
CREATE INDEX survey_response_period ON survey_response (submitted_at) WHERE NOT erased;
