-- Survey free-text answers coded in survey-service, kept from survey.responses events as the insight themes their
-- categories map to: never the text. One row per answer, so a recode replaces what the answer counted towards and an
-- answer counts once however often it is recoded; an erasure of its response removes it.
CREATE TABLE coded_survey_answer (
    response_id    UUID        NOT NULL,
    question_id    TEXT        NOT NULL,
    survey_id      UUID        NOT NULL,
    theme_codes    TEXT[]      NOT NULL,
    coding_version BIGINT      NOT NULL,
    coded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX coded_survey_answer_themes ON coded_survey_answer USING GIN (theme_codes);
