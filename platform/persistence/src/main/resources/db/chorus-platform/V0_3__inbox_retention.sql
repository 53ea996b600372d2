-- The inbox forgets events once they can no longer be redelivered (InboxRetention); this finds them without a scan.
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
