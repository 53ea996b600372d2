-- Every stored response waits in the tally backlog until the folder counts it. The row is added here, by the
-- statement that stores the response, rather than by a second statement from the service: one round trip less per
-- submission, and no way to store a response that is never counted.
CREATE FUNCTION response_joins_tally_backlog() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tally_backlog (response_id, survey_id) VALUES (NEW.id, NEW.survey_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER response_joins_tally_backlog AFTER INSERT ON response
    FOR EACH ROW EXECUTE FUNCTION response_joins_tally_backlog();
