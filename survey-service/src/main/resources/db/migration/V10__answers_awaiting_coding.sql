-- The coder's list shows uncoded free-text answers first. Finding them by reading every response and looking each up in
-- answer_coding takes time in proportion to the survey, and coders work through the list in order, so the coded ones
-- pile up in front of the rest. A partial index holds just the responses that still wait: those with written text
-- (has_text, worked out by PostgreSQL from the answers, since only free-text answers have a text) whose first pass is
-- not done (coding_done, set by survey-service once every free-text answer of the response is coded).
ALTER TABLE response ADD COLUMN has_text BOOLEAN NOT NULL
    GENERATED ALWAYS AS (jsonb_path_exists(answers, '$.*.text ? (@ != "")')) STORED;
ALTER TABLE response ADD COLUMN coding_done BOOLEAN NOT NULL DEFAULT false;
UPDATE response r SET coding_done = true
WHERE r.has_text AND NOT EXISTS (
    SELECT 1 FROM jsonb_each(r.answers) AS a(question_id, answer)
    WHERE coalesce(a.answer ->> 'text', '') <> '' AND NOT EXISTS (
        SELECT 1 FROM answer_coding c WHERE c.response_id = r.id AND c.question_id = a.question_id AND c.pass = 'FIRST'));
CREATE INDEX response_awaiting_coding ON response (survey_id, submitted_at, id) WHERE has_text AND NOT coding_done;
