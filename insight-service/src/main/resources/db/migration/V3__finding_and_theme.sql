-- The managed taxonomy of themes findings are classified by, seeded with what people told the partnership.
CREATE TABLE theme (
    code        TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    description TEXT NOT NULL
);
INSERT INTO theme (code, label, description) VALUES
    ('awareness-of-changes', 'Awareness of changes to health and care', 'Whether people know about and recognise changes being made to the health and care system'),
    ('younger-people', 'Younger people''s needs', 'Concern that a focus on older people comes at the expense of younger people'),
    ('understanding-local-partnerships', 'Understanding of primary care networks and local partnerships', 'How well people understand new local structures and how they work'),
    ('joined-up-services', 'Links between services', 'Different health and care services working together'),
    ('neighbourhood-working', 'Communities and services working together', 'Communities, services and local organisations working together in neighbourhoods'),
    ('community-services', 'Community services', 'Care provided in the community rather than in hospital'),
    ('mental-health-support', 'Mental health support', 'Support for mental health and emotional wellbeing'),
    ('waiting-times', 'Waiting times and referrals', 'How long people wait for referrals, appointments and treatment'),
    ('access-to-gp-appointments', 'Access to GP appointments', 'Getting an appointment with a GP or practice team'),
    ('right-treatment', 'Getting the right treatment', 'Receiving the treatment people need, first time'),
    ('care-at-home', 'Care and support at home', 'Care and support that lets people stay at home'),
    ('personal-data-security', 'Security of personal data', 'How safely personal information is kept and shared'),
    ('digital-health', 'Digital health and wellbeing tools', 'Websites, apps and online services for health and wellbeing'),
    ('children-and-young-people', 'Children and young people''s wellbeing', 'Emotional health, wellbeing and mental health of children and young people'),
    ('maternity-care', 'Maternity care', 'Care before, during and after birth'),
    ('stroke-care', 'Stroke care', 'Stroke services and rehabilitation'),
    ('cancer-care', 'Cancer care', 'Cancer diagnosis, treatment and support'),
    ('diabetes-care', 'Diabetes care', 'Diabetes prevention, care and education'),
    ('suicide-prevention', 'Suicide prevention and bereavement support', 'Preventing suicide and supporting people bereaved by suicide'),
    ('information-and-communication', 'Clear and accessible information', 'Information about plans, services and progress that people can find and understand');

CREATE TABLE finding (
    id                UUID PRIMARY KEY,
    activity_id       UUID        NOT NULL REFERENCES activity (id),
    organisation_id   UUID        NOT NULL,
    statement         TEXT        NOT NULL,
    theme_codes       VARCHAR[]   NOT NULL,
    sentiment         TEXT        NOT NULL,
    participant_count INTEGER CHECK (participant_count >= 0),
    quotes            TEXT[]      NOT NULL,
    -- The quotes as one text, kept by the service, because a generated column may only use immutable functions.
    quotes_text       TEXT        NOT NULL,
    -- Position among the findings of an uploaded activity, so that a re-upload updates them in place.
    upload_position   INTEGER,
    published         BOOLEAN     NOT NULL,
    published_at      TIMESTAMPTZ,
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    search_vector     tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, statement || ' ' || quotes_text)) STORED
);
CREATE INDEX finding_search ON finding USING GIN (search_vector);
CREATE INDEX finding_themes ON finding USING GIN (theme_codes);
CREATE INDEX finding_activity ON finding (activity_id, upload_position);

-- New themes people proposed for a finding, kept for the taxonomy's stewards to adopt or merge.
CREATE TABLE theme_proposal (
    id              UUID PRIMARY KEY,
    label           TEXT        NOT NULL,
    normalised      TEXT        NOT NULL,
    organisation_id UUID        NOT NULL,
    finding_id      UUID        NOT NULL REFERENCES finding (id),
    proposed_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (finding_id, normalised)
);
CREATE INDEX theme_proposal_normalised ON theme_proposal (normalised);
