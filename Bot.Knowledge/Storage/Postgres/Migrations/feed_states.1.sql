CREATE TABLE feed_states (
    kind text COLLATE "C" NOT NULL, url text COLLATE "C" NOT NULL, state jsonb NOT NULL, PRIMARY KEY (kind, url))
