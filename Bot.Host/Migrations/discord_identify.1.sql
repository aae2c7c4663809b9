CREATE TABLE discord_identify_bucket (
    bucket integer PRIMARY KEY,
    free_at timestamptz NOT NULL,
    holder uuid NULL)
