-- desk library schema, version 3: who named a quotation's speaker.
-- 1 when an editor assigned the speaker or source (editor menu, desk quotes tag --source,
-- the review dialog); 0 when they are the checks engine's guess, which later syncs may
-- replace. The checks honour only assigned ones.

ALTER TABLE quotes ADD COLUMN assigned INTEGER NOT NULL DEFAULT 0;

-- Before this column, a source set through review (desk quotes tag, the review dialog)
-- left a reviewer's stamp: keep honouring those. Unstamped rows stay the engine's guess.
UPDATE quotes SET assigned = 1 WHERE source_id IS NOT NULL AND reviewed_at IS NOT NULL;
