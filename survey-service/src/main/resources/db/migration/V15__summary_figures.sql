-- The overall counts a published results summary shows, taken from the counters. They are taken again only once the
-- responses counted have moved by at least the suppression threshold (5) since, so that two readings of the public
-- summary, one before and one after somebody answered, never differ by fewer people than a suppressed cell holds.
CREATE TABLE summary_figures (
    survey_id UUID PRIMARY KEY REFERENCES survey (id),
    responses BIGINT NOT NULL,
    counts    JSONB NOT NULL,
    taken_at  TIMESTAMPTZ NOT NULL
);
