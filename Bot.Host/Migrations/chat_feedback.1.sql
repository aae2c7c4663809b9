CREATE TABLE chat_answers (
    id text PRIMARY KEY,
    platform text NOT NULL,
    question text NOT NULL,
    mode text,
    text text NOT NULL,
    no_answer boolean NOT NULL,
    citations jsonb NOT NULL,
    lines jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    helpful integer NOT NULL DEFAULT 0,
    not_helpful integer NOT NULL DEFAULT 0,
    last_vote_at timestamptz);
CREATE INDEX chat_answers_created ON chat_answers (created_at);
CREATE TABLE chat_votes (
    answer_id text NOT NULL,
    user_hash text NOT NULL,
    helpful boolean NOT NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (answer_id, user_hash));
CREATE TABLE chat_meta (key text PRIMARY KEY, value bytea NOT NULL)
