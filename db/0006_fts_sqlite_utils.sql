-- desk library schema, version 6: the full-text indexes declared the way sqlite-utils'
-- enable_fts declares them, so other programs find and use them.
--
-- sqlite-utils (`sqlite-utils search lib.db articles WORD`, Table.detect_fts()) and
-- Datasette (`?_search=WORD` on a table page) find a table's index by its declaration:
-- a virtual table "<table>_fts" whose SQL says content="<table>". Schema 1 and 2 wrote
-- content = 'articles', which neither recognises. The indexes are made again with the same
-- columns, tokenizer and prefix indexes (desk's own search, its prefix matching and bm25
-- ranking are unchanged), the triggers get sqlite-utils' names (<table>_ai, _ad, _au) and
-- each index is rebuilt from its table. The sources index (sources_fts, with the aliases
-- that no table column holds) stays as it is: desk's own, searched by desk.

DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TRIGGER IF EXISTS articles_fts_delete;
DROP TRIGGER IF EXISTS articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "headline", "dek", "body",
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3',
    content="articles"
);
INSERT INTO "articles_fts" ("articles_fts") VALUES ('rebuild');

CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN
  INSERT INTO "articles_fts" (rowid, "headline", "dek", "body")
  VALUES (new.rowid, new."headline", new."dek", new."body");
END;
CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "headline", "dek", "body")
  VALUES ('delete', old.rowid, old."headline", old."dek", old."body");
END;
-- Only a change to the indexed words re-indexes the article (a status change, or the word
-- count, does not), as in schema 1.
CREATE TRIGGER "articles_au" AFTER UPDATE OF "headline", "dek", "body" ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "headline", "dek", "body")
  VALUES ('delete', old.rowid, old."headline", old."dek", old."body");
  INSERT INTO "articles_fts" (rowid, "headline", "dek", "body")
  VALUES (new.rowid, new."headline", new."dek", new."body");
END;

DROP TRIGGER IF EXISTS materials_fts_insert;
DROP TRIGGER IF EXISTS materials_fts_delete;
DROP TRIGGER IF EXISTS materials_fts_update;
DROP TABLE materials_fts;

CREATE VIRTUAL TABLE "materials_fts" USING FTS5 (
    "title", "text",
    tokenize='unicode61 remove_diacritics 2',
    content="materials"
);
INSERT INTO "materials_fts" ("materials_fts") VALUES ('rebuild');

CREATE TRIGGER "materials_ai" AFTER INSERT ON "materials" BEGIN
  INSERT INTO "materials_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
CREATE TRIGGER "materials_ad" AFTER DELETE ON "materials" BEGIN
  INSERT INTO "materials_fts" ("materials_fts", rowid, "title", "text")
  VALUES ('delete', old.rowid, old."title", old."text");
END;
CREATE TRIGGER "materials_au" AFTER UPDATE OF "title", "text" ON "materials" BEGIN
  INSERT INTO "materials_fts" ("materials_fts", rowid, "title", "text")
  VALUES ('delete', old.rowid, old."title", old."text");
  INSERT INTO "materials_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
