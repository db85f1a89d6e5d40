-- desk library schema, version 11, on PostgreSQL: words are split as SQLite's FTS5 splits
-- them (see db/0011_search_words.sql). PostgreSQL's parser reads "COVID-19" as "covid" and
-- "-19", "7-2" as "7" and "-2", and keeps "3.5", "ana@example.org" and "www.example.org/a"
-- whole, while a search is made of runs of letters and digits: so the characters that join
-- such runs become spaces before the text is parsed (translate: the same on every locale).

CREATE FUNCTION desk_search_text(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT translate(t, '-.@/:+', '      ') $$;

CREATE OR REPLACE FUNCTION articles_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_fts (id, vector)
    VALUES (NEW.id, to_tsvector('desk_simple',
                                desk_search_text(NEW.headline || ' ' || NEW.dek || ' ' || NEW.body)))
    ON CONFLICT (id) DO UPDATE SET vector = excluded.vector;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION materials_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO materials_fts (id, vector)
    VALUES (NEW.id, to_tsvector('desk_simple', desk_search_text(NEW.title || ' ' || NEW.text)))
    ON CONFLICT (id) DO UPDATE SET vector = excluded.vector;
    RETURN NULL;
END $$;

UPDATE articles_fts f
   SET vector = to_tsvector('desk_simple', desk_search_text(a.headline || ' ' || a.dek || ' ' || a.body))
  FROM articles a WHERE a.id = f.id;
UPDATE materials_fts f
   SET vector = to_tsvector('desk_simple', desk_search_text(m.title || ' ' || m.text))
  FROM materials m WHERE m.id = f.id;
