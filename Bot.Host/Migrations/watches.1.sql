CREATE TABLE watches (
    id text PRIMARY KEY,
    platform text NOT NULL,
    channel_id text NOT NULL,
    company text NOT NULL,
    company_key text NOT NULL,
    added_by text NOT NULL,
    added_at timestamptz NOT NULL,
    known_sources text[] NOT NULL);
CREATE INDEX watches_channel ON watches (platform, channel_id)
