-- When the survey's owner published its results summary for anyone with a key, partner websites included; null while
-- it is not published (never, or withdrawn since). Analysts' results, with their breakdowns, never depend on it.
ALTER TABLE survey ADD COLUMN results_published_at TIMESTAMPTZ;
