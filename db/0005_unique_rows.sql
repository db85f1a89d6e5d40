-- desk library schema, version 5: one row per thing, even when processes race.
--
-- Parallel syncs of one article (three `desk quotes list` at once, or the window and the
-- CLI) each inserted the article's quotations, leaving two or three rows per quotation; a
-- review decision set on one copy was later detached from the text when a sync paired the
-- quotation with another copy. Remove the duplicates, keeping the copy that carries the
-- review work, then let the schema refuse new ones.

-- Rank the copies of each attached quotation (same article, same place in the text):
-- decided first (verified, disputed, not a quotation), then reviewed, then assigned by an
-- editor, then the one with an original or a note, newest review, oldest row.
CREATE TEMP TABLE quote_ranks AS
SELECT id, article_id, start, "end",
       row_number() OVER (
           PARTITION BY article_id, start, "end"
           ORDER BY CASE status WHEN 'verified' THEN 0 WHEN 'disputed' THEN 1
                                WHEN 'not-a-quote' THEN 2 ELSE 3 END,
                    (reviewed_at IS NULL),
                    (assigned = 0),
                    (original IS NULL AND note = ''),
                    reviewed_at DESC,
                    id
       ) AS rank
  FROM quotes
 WHERE start IS NOT NULL;

-- What a losing copy knew and the kept one does not (an original, a note, an origin, a
-- source) is carried over, so no decision is lost with the duplicate.
CREATE TEMP TABLE quote_keep AS
SELECT l.id AS loser, k.id AS keeper
  FROM quote_ranks l JOIN quote_ranks k
    ON k.article_id = l.article_id AND k.start = l.start AND k."end" IS l."end" AND k.rank = 1
 WHERE l.rank > 1;

UPDATE quotes SET
    original = coalesce(original, (SELECT q.original FROM quote_keep x JOIN quotes q ON q.id = x.loser
                                    WHERE x.keeper = quotes.id AND q.original IS NOT NULL
                                    ORDER BY q.id LIMIT 1)),
    note = CASE WHEN note != '' THEN note ELSE ifnull((
                SELECT q.note FROM quote_keep x JOIN quotes q ON q.id = x.loser
                 WHERE x.keeper = quotes.id AND q.note != '' ORDER BY q.id LIMIT 1), '') END,
    origin = coalesce(origin, (SELECT q.origin FROM quote_keep x JOIN quotes q ON q.id = x.loser
                                WHERE x.keeper = quotes.id AND q.origin IS NOT NULL
                                ORDER BY q.id LIMIT 1)),
    origin_ref = CASE WHEN origin_ref != '' THEN origin_ref ELSE ifnull((
                SELECT q.origin_ref FROM quote_keep x JOIN quotes q ON q.id = x.loser
                 WHERE x.keeper = quotes.id AND q.origin_ref != '' ORDER BY q.id LIMIT 1), '') END,
    source_id = coalesce(source_id, (SELECT q.source_id FROM quote_keep x JOIN quotes q
                                       ON q.id = x.loser
                                      WHERE x.keeper = quotes.id AND q.source_id IS NOT NULL
                                        AND q.assigned = 1 ORDER BY q.id LIMIT 1))
 WHERE id IN (SELECT keeper FROM quote_keep);

DELETE FROM quotes WHERE id IN (SELECT loser FROM quote_keep);
DROP TABLE quote_keep;
DROP TABLE quote_ranks;

-- An attached quotation has one row; orphans (start NULL) are not constrained.
CREATE UNIQUE INDEX quotes_one_per_place ON quotes (article_id, start, "end")
    WHERE start IS NOT NULL;

-- Aliases were unique only with their exact case ("Iran" and "iran" both stored); the
-- checks match aliases case-insensitively, so keep the first of each.
DELETE FROM source_aliases WHERE id NOT IN (
    SELECT min(id) FROM source_aliases GROUP BY source_id, alias COLLATE NOCASE);
CREATE UNIQUE INDEX source_aliases_one_per_name ON source_aliases (source_id, alias COLLATE NOCASE);

-- Tags (tags.name UNIQUE COLLATE NOCASE, article_tags' primary key) and dictionary words
-- (dictionary_words_unique) were already unique.

-- What a verification was checked against: the material it was found in (when stored
-- material) and the words it was compared with. NULL when the editor vouched for it.
ALTER TABLE quotes ADD COLUMN verified_material_id INTEGER
    REFERENCES materials (id) ON DELETE SET NULL;
ALTER TABLE quotes ADD COLUMN verified_against TEXT;

-- Imports commit one article at a time; a batch records which files are in and which are
-- done, so a killed `desk import` can be resumed or rolled back (desk import --resume).
CREATE TABLE import_batches (
    id           INTEGER PRIMARY KEY,
    status       TEXT NOT NULL DEFAULT 'running'
                 CHECK (status IN ('running', 'done', 'rolled-back')),
    pid          INTEGER,  -- the importing process, to tell a killed batch from a running one
    started_at   TEXT NOT NULL,
    finished_at  TEXT
);
CREATE TABLE import_batch_files (
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    path        BLOB NOT NULL,  -- the file system's bytes: a file name need not be UTF-8
    article_id  INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    PRIMARY KEY (batch_id, position)
);
