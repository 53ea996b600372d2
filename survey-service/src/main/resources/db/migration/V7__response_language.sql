-- The language each response was given in, which every export records: a Welsh answer is read as Welsh. Responses
-- accepted before this column existed keep NULL, as nobody knows which language their respondent read.
ALTER TABLE response ADD COLUMN language TEXT;
