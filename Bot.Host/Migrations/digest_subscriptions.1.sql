CREATE TABLE digest_subscriptions (
    platform text NOT NULL,
    channel_id text NOT NULL,
    added_by text NOT NULL,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (platform, channel_id))
