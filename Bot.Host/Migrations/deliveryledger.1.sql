CREATE TABLE delivery_claims (
    ledger text NOT NULL,
    id text NOT NULL,
    platform text NOT NULL,
    channel_id text NOT NULL,
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL,
    state text NOT NULL,
    owner text NOT NULL,
    claimed_at timestamptz NOT NULL,
    completed_at timestamptz,
    message_id text,
    note text,
    PRIMARY KEY (ledger, id));
CREATE INDEX delivery_claims_channel ON delivery_claims (ledger, platform, channel_id);
CREATE INDEX delivery_claims_state ON delivery_claims (ledger, state)
