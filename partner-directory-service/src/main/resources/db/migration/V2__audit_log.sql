-- The system's audit log: security-relevant actions from every service, collected from audit.entries events.
CREATE TABLE audit_entry (
    id              UUID PRIMARY KEY,
    action          TEXT        NOT NULL,
    organisation_id UUID,
    key_id          UUID,
    subject_type    TEXT        NOT NULL,
    subject_id      TEXT,
    client_address  TEXT,
    request_id      TEXT,
    source          TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    details         JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at DESC, id DESC);
CREATE INDEX audit_entry_action ON audit_entry (action, occurred_at DESC);
CREATE INDEX audit_entry_organisation ON audit_entry (organisation_id, occurred_at DESC);

-- Append-only for everyone, the service included: no code path can rewrite history.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
