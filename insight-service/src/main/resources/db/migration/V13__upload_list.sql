-- An organisation's uploads, newest first, for the list Healthwatch staff find an earlier upload in.
CREATE INDEX upload_organisation_newest ON upload (organisation_id, created_at DESC, id DESC);
