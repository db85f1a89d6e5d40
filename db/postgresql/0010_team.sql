-- desk library schema, version 10, on PostgreSQL: db/0010_team.sql in PostgreSQL's dialect
-- (who did what, personal dictionaries, editing locks; see that file for what each is).

ALTER TABLE articles ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN editor TEXT NOT NULL DEFAULT '';
ALTER TABLE status_log ADD COLUMN editor TEXT NOT NULL DEFAULT '';
ALTER TABLE export_log ADD COLUMN editor TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN assigned_by TEXT NOT NULL DEFAULT '';

ALTER TABLE dictionary_words ADD COLUMN editor TEXT NOT NULL DEFAULT '';
DROP INDEX dictionary_words_unique;
CREATE UNIQUE INDEX dictionary_words_unique
    ON dictionary_words (word, coalesce(article_id, 0), editor);

CREATE TABLE edit_locks (
    article_id    BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    editor        TEXT NOT NULL,
    session       TEXT NOT NULL,
    taken_at      TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL
);
CREATE INDEX edit_locks_by_session ON edit_locks (session);
