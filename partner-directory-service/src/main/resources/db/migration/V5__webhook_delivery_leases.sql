-- A delivery being posted is leased to its sender for the length of an attempt, rather than locked by a transaction
-- that lasts as long as the post: a partner deleting its subscription no longer waits for (or deadlocks with) a slow
-- receiver, and each answer is recorded on its own. A sender that stops before recording an answer leaves a lease that
-- runs out, after which the delivery is sent again (at least once, as before: its webhook-id stays the same).
ALTER TABLE webhook_delivery ADD COLUMN lease_id UUID, ADD COLUMN leased_until TIMESTAMPTZ;
