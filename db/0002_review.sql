-- desk library schema, version 2: quote review.
-- Source material (transcripts, notes) attached to a source or an article, and the
-- history of article status changes, overrides of the review gate included.

CREATE TABLE materials (
    id          INTEGER PRIMARY KEY,
    -- A source's material outlives the source record only as unattached material.
    source_id   INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    title       TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    filename    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX materials_by_source ON materials (source_id);
CREATE INDEX materials_by_article ON materials (article_id);

-- Full-text search over material, to find candidates when a quotation has none attached.
CREATE VIRTUAL TABLE materials_fts USING fts5 (
    title, text,
    content = 'materials', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER materials_fts_insert AFTER INSERT ON materials BEGIN
    INSERT INTO materials_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER materials_fts_delete AFTER DELETE ON materials BEGIN
    INSERT INTO materials_fts (materials_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER materials_fts_update AFTER UPDATE OF title, text ON materials BEGIN
    INSERT INTO materials_fts (materials_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO materials_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE status_log (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    from_status      TEXT NOT NULL,
    to_status        TEXT NOT NULL,
    -- Set only when the editor overrode the gate; blocked_by lists what was overridden.
    override_reason  TEXT,
    blocked_by       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);
CREATE INDEX status_log_by_article ON status_log (article_id, id);
