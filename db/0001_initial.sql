-- desk library schema, version 1.
-- Applied inside one transaction by desk.storage.migrations; never edit a
-- released migration: add a new numbered file instead.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    headline      TEXT NOT NULL DEFAULT '',
    dek           TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    section       TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'editing', 'copy-edit', 'ready', 'published', 'killed')),
    body          TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT 'en-US',
    words         INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    published_at  TEXT,
    deleted_at    TEXT
);
CREATE INDEX articles_by_update ON articles (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_status ON articles (status, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_section ON articles (section);

CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    headline    TEXT NOT NULL DEFAULT '',
    dek         TEXT NOT NULL DEFAULT '',
    byline      TEXT NOT NULL DEFAULT '',
    section     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft',
    body        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL DEFAULT 'person'
                  CHECK (kind IN ('person', 'organisation', 'anonymous')),
    name          TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX sources_by_name ON sources (name COLLATE NOCASE);

CREATE TABLE source_aliases (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    UNIQUE (source_id, alias)
);
CREATE INDEX source_aliases_by_alias ON source_aliases (alias COLLATE NOCASE);

CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id    INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    text         TEXT NOT NULL,
    speaker      TEXT,
    start        INTEGER,
    "end"        INTEGER,
    status       TEXT NOT NULL DEFAULT 'unverified'
                 CHECK (status IN ('unverified', 'verified', 'disputed', 'not-a-quote')),
    origin       TEXT
                 CHECK (origin IS NULL OR origin IN ('interview', 'press-conference', 'statement',
                                                     'social-media', 'transcript', 'other')),
    origin_ref   TEXT NOT NULL DEFAULT '',
    original     TEXT,
    note         TEXT NOT NULL DEFAULT '',
    reviewed_by  TEXT NOT NULL DEFAULT '',
    reviewed_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX quotes_by_article ON quotes (article_id);
CREATE INDEX quotes_by_source ON quotes (source_id);
CREATE INDEX quotes_by_status ON quotes (status);

CREATE TABLE dictionary_words (
    id          INTEGER PRIMARY KEY,
    word        TEXT NOT NULL,
    article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL
);
-- One row per word and scope (NULL article = global).
CREATE UNIQUE INDEX dictionary_words_unique ON dictionary_words (word, ifnull(article_id, 0));

CREATE TABLE export_log (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    format      TEXT NOT NULL,
    path        TEXT NOT NULL,
    forced      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE INDEX export_log_by_article ON export_log (article_id);

-- Full-text search over articles: external content, kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, dek, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, headline, dek, body)
    VALUES (new.id, new.headline, new.dek, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, dek, body)
    VALUES ('delete', old.id, old.headline, old.dek, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, dek, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, dek, body)
    VALUES ('delete', old.id, old.headline, old.dek, old.body);
    INSERT INTO articles_fts (rowid, headline, dek, body)
    VALUES (new.id, new.headline, new.dek, new.body);
END;

-- Full-text search over sources, their aliases included; rowid = source id.
CREATE VIRTUAL TABLE sources_fts USING fts5 (
    name, aliases, title, organisation, notes,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts (rowid, name, aliases, title, organisation, notes)
    VALUES (new.id, new.name, '', new.title, new.organisation, new.notes);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
    DELETE FROM sources_fts WHERE rowid = old.id;
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE ON sources BEGIN
    UPDATE sources_fts
       SET name = new.name, title = new.title, organisation = new.organisation, notes = new.notes
     WHERE rowid = new.id;
END;
CREATE TRIGGER source_aliases_fts_insert AFTER INSERT ON source_aliases BEGIN
    UPDATE sources_fts
       SET aliases = (SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = new.source_id)
     WHERE rowid = new.source_id;
END;
CREATE TRIGGER source_aliases_fts_delete AFTER DELETE ON source_aliases BEGIN
    UPDATE sources_fts
       SET aliases = ifnull((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = old.source_id), '')
     WHERE rowid = old.source_id;
END;
