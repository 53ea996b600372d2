-- Rows of a re-upload that match what is stored exactly: counted apart from updates, since they changed nothing.
ALTER TABLE upload ADD COLUMN unchanged_rows INTEGER NOT NULL DEFAULT 0;
