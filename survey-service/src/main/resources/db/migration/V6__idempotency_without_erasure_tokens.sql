-- Receipts kept for idempotent replays held the erasure token in plain text; only its hash may be kept (on response).
UPDATE idempotency_record
SET result = convert_to((convert_from(result, 'UTF8')::jsonb - 'erasureToken')::text, 'UTF8')
WHERE operation LIKE 'submit-response:%';
