-- desk library schema, version 10: who did what, personal dictionaries and editing locks,
-- for a library that several editors share (a team library on PostgreSQL, or one SQLite
-- file opened by two windows).
--
-- Each change an editor makes records the editor's name (desk.editor_name): the revision a
-- save keeps, a status change (and an override of the gate), an export, the speaker or
-- source an editor assigned to a quotation, and the article's last change. '' is "not
-- recorded" (everything written before schema 10, and a desk with no name to give).

ALTER TABLE articles ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN editor TEXT NOT NULL DEFAULT '';
ALTER TABLE status_log ADD COLUMN editor TEXT NOT NULL DEFAULT '';
ALTER TABLE export_log ADD COLUMN editor TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN assigned_by TEXT NOT NULL DEFAULT '';

-- A dictionary word is shared (editor '': every editor's checks accept it, as every word
-- before schema 10 was) or personal (accepted in that editor's checks only). One row per
-- word, scope and editor.
ALTER TABLE dictionary_words ADD COLUMN editor TEXT NOT NULL DEFAULT '';
DROP INDEX dictionary_words_unique;
CREATE UNIQUE INDEX dictionary_words_unique
    ON dictionary_words (word, ifnull(article_id, 0), editor);

-- The editing lock of an article: who has it open for editing, in which window (session:
-- one random id per window), since when, and the last heartbeat of that window. A lock
-- whose heartbeat is older than the stale limit may be taken over; a row per article at
-- most, so two windows cannot both hold one.
CREATE TABLE edit_locks (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    editor        TEXT NOT NULL,
    session       TEXT NOT NULL,
    taken_at      TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL
);
CREATE INDEX edit_locks_by_session ON edit_locks (session);
