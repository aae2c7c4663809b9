CREATE TABLE conversation_turns (
    seq bigserial PRIMARY KEY,
    thread_key text NOT NULL,
    question text NOT NULL,
    answer text NOT NULL,
    at timestamptz NOT NULL);
CREATE INDEX conversation_turns_thread ON conversation_turns (thread_key, seq);
CREATE INDEX conversation_turns_at ON conversation_turns (at)
