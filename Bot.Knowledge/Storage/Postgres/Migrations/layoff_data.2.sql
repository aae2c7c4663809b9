CREATE TABLE layoff_rows_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
INSERT INTO layoff_rows_revision VALUES (1, 0);
