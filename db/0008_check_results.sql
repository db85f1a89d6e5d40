-- desk library schema, version 8: stored check results, so library-wide views read a query.
--
-- One row per article: what the quote review reads from a check of it (its counted
-- quotations: source, speaker, status, the engine's reading of the speaker; the orphaned
-- tags), stored with the version of the inputs it was computed from. The version joins
-- the article's own (updated_at, language, its quotation rows, its dictionary words) and
-- the library's (sources, aliases, global words, the engine); a row whose version no
-- longer matches is stale and is computed again. It is a cache: deleting rows loses nothing.
CREATE TABLE check_results (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    quotations  INTEGER NOT NULL DEFAULT 0,
    unverified  INTEGER NOT NULL DEFAULT 0,
    orphaned    INTEGER NOT NULL DEFAULT 0,
    items       TEXT NOT NULL DEFAULT '[]',
    checked_at  TEXT NOT NULL
);
