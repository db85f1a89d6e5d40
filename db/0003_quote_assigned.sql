-- desk library schema, version 3: who named a quotation's speaker.
-- 1 when an editor assigned the speaker or source (editor menu, desk quotes tag --source);
-- 0 when they are the checks engine's guess, which later syncs may replace. The checks
-- honour only assigned ones.

ALTER TABLE quotes ADD COLUMN assigned INTEGER NOT NULL DEFAULT 0;
