-- Responses accepted but not yet in the counters. Submitting a response adds one row here instead of moving about
-- two hundred counters in the request's transaction; a background folder moves the counters for many responses at
-- once and removes their rows. Erasing a response still waiting here just removes its row: it was never counted.
CREATE TABLE tally_backlog (
    response_id UUID PRIMARY KEY,
    survey_id   UUID NOT NULL
);
