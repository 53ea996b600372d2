-- Whether an export carried respondents' contact details (includeContact with the contacts:read scope), so that every
-- release of their personal data can be found in the audit log. Exports before this migration never could.
ALTER TABLE export_audit ADD COLUMN include_contact BOOLEAN NOT NULL DEFAULT false;
