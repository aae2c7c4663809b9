CREATE TABLE knowledge_revision (id smallint PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
INSERT INTO knowledge_revision VALUES (1, 0);
CREATE TABLE knowledge_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE documents (
    id text COLLATE "C" PRIMARY KEY, title text NOT NULL, url text, source_key text COLLATE "C" NOT NULL UNIQUE,
    publisher text, published_raw text, published timestamptz, published_precision text, companies text[] NOT NULL,
    source_kind text NOT NULL, content_hash text NOT NULL, source_path text, text text NOT NULL,
    ingested_at timestamptz NOT NULL, version integer NOT NULL);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_ingested_at ON documents (ingested_at);
CREATE TABLE passages (
    id text COLLATE "C" PRIMARY KEY, document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx integer NOT NULL, start_offset integer NOT NULL, end_offset integer NOT NULL, text text NOT NULL, embedding bytea NOT NULL);
CREATE INDEX passages_document ON passages (document_id);
CREATE TABLE ingest_log (
    id bigserial PRIMARY KEY, at timestamptz NOT NULL, source text NOT NULL, outcome text NOT NULL, reason text, document_id text);
CREATE INDEX ingest_log_at ON ingest_log (at);
