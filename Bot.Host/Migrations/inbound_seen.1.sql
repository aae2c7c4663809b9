CREATE TABLE inbound_seen (
    platform text NOT NULL,
    id text NOT NULL,
    seen_at timestamptz NOT NULL,
    PRIMARY KEY (platform, id));
CREATE INDEX inbound_seen_at ON inbound_seen (seen_at)
