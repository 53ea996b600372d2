-- A worker touches its job after every chunk; a job whose worker stopped touching it (the process died) is taken
-- over by another worker. Rows are stored by reference, so processing a file again from the start is harmless.
ALTER TABLE upload ADD COLUMN heartbeat_at TIMESTAMPTZ;
