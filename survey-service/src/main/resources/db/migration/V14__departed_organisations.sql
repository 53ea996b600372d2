-- Organisations the directory deactivated, as this service heard it: their surveys were closed then, and a draft
-- published after that must be refused rather than opened with nobody left to answer for it.
CREATE TABLE departed_organisation (
    organisation_id UUID PRIMARY KEY,
    departed_at     TIMESTAMPTZ NOT NULL
);
