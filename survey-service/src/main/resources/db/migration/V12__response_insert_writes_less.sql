-- Storing a response is the hot write; two of the things it did bought nothing.
--
-- The foreign key to survey made every insert lock its survey's row (FOR KEY SHARE). Every concurrent submission to a
-- survey shares that one row, so each insert wrote a lock record and PostgreSQL kept a multixact of the lockers. The
-- insert's own condition (StillAccepting) already reads that survey row in the same statement and stores nothing
-- unless it exists and takes responses, and no survey is ever deleted, so the key guarded nothing the condition did
-- not.
ALTER TABLE response DROP CONSTRAINT response_survey_id_fkey;

-- The erasure token is 256 random bits, and its hash is only ever compared with the one of the response found by id;
-- the unique index on it was never read and cost a random insert into a wide index per response.
ALTER TABLE response DROP CONSTRAINT response_erasure_token_hash_key;
