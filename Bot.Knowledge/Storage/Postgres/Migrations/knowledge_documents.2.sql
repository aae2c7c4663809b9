-- Which document each revision wrote, in the same transaction: instances apply those documents instead of rebuilding.
CREATE TABLE document_changes (revision bigint PRIMARY KEY, document_id text COLLATE "C" NOT NULL);
