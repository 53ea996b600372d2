-- An organisation's own rate limits for its publishable keys, which the gateway enforces: a JSON object of up to four
-- token buckets ({"submissionsPerAddress": {"requests": 30, "per": "PT1M"}}). NULL, like a bucket left out, means the
-- gateway's default.
ALTER TABLE organisation ADD COLUMN rate_limits JSONB;
