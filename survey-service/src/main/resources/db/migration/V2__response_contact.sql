-- Contact details of respondents who asked to be contacted, kept apart from the answers: stored only with consent,
-- never exported with responses and never put in events. Erasing the response erases them.
ALTER TABLE response ADD COLUMN contact JSONB;
