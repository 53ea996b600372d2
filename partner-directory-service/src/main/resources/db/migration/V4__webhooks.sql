-- An organisation's webhook subscriptions. The secret is kept as issued (not hashed) because the sender signs with it;
-- after a rotation the previous secret keeps signing beside the new one until previous_secret_until.
CREATE TABLE webhook_subscription (
    id                    UUID PRIMARY KEY,
    organisation_id       UUID        NOT NULL REFERENCES organisation (id),
    url                   TEXT        NOT NULL,
    event_types           VARCHAR[]   NOT NULL,
    secret                TEXT        NOT NULL,
    previous_secret       TEXT,
    previous_secret_until TIMESTAMPTZ,
    consecutive_failures  INTEGER     NOT NULL DEFAULT 0,
    disabled_at           TIMESTAMPTZ,
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_subscription_organisation ON webhook_subscription (organisation_id, created_at, id);

-- One event to one subscription. seq orders a subscription's deliveries: the sender only takes the oldest PENDING one
-- of each subscription. The event id is the webhook-id, stable across retries and redeliveries.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    seq              BIGSERIAL   NOT NULL UNIQUE,
    subscription_id  UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_error       TEXT,
    first_attempt_at TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (subscription_id, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at, id);
