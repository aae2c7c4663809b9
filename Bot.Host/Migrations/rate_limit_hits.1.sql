CREATE TABLE rate_limit_hits (user_key text NOT NULL, at timestamptz NOT NULL);
CREATE INDEX rate_limit_hits_user ON rate_limit_hits (user_key, at)
