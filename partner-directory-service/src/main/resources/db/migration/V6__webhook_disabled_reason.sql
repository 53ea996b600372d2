-- Why a subscription was disabled: its receiver failed too long, or its organisation was deactivated (and so left the
-- partnership: nothing more is sent to it). Every subscription disabled before this was disabled for failing.
ALTER TABLE webhook_subscription ADD COLUMN disabled_reason TEXT
    CHECK (disabled_reason IN ('FAILING', 'ORGANISATION_DEACTIVATED'));
UPDATE webhook_subscription SET disabled_reason = 'FAILING' WHERE disabled_at IS NOT NULL;
ALTER TABLE webhook_subscription ADD CONSTRAINT webhook_subscription_disabled_with_reason
    CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL));
