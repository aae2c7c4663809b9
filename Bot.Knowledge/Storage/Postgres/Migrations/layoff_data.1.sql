CREATE TABLE layoff_rows (
    id text COLLATE "C" PRIMARY KEY, dataset text NOT NULL, company_key text COLLATE "C" NOT NULL, company text NOT NULL,
    date text COLLATE "C" NOT NULL, count integer, file text COLLATE "C" NOT NULL, line integer NOT NULL, record jsonb NOT NULL);
CREATE INDEX layoff_rows_company ON layoff_rows (company_key);
CREATE INDEX layoff_rows_date ON layoff_rows (date);
CREATE INDEX layoff_rows_line ON layoff_rows (line, file);
CREATE TABLE warn_notices (
    id text COLLATE "C" PRIMARY KEY, company_key text COLLATE "C" NOT NULL, file text COLLATE "C" NOT NULL, line integer NOT NULL,
    record jsonb NOT NULL);
CREATE INDEX warn_notices_company ON warn_notices (company_key);
CREATE INDEX warn_notices_line ON warn_notices (line, file);
CREATE TABLE article_figures (
    id text COLLATE "C" PRIMARY KEY, document_id text COLLATE "C" NOT NULL, company_key text COLLATE "C" NOT NULL,
    company text NOT NULL, record jsonb NOT NULL);
CREATE INDEX article_figures_company ON article_figures (company_key);
CREATE INDEX article_figures_document ON article_figures (document_id);
