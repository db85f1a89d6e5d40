-- desk library schema, version 8: indexes in the library list's own order, so the window
-- pages through 100,000 articles by keyset ("the 200 after this (updated_at, id)") at the
-- cost of the first page, instead of reading and skipping every row before an OFFSET.
--
-- The list is newest change first with the id breaking ties (updated_at DESC, id DESC);
-- each index ends in (updated_at, id), read backwards. Schema 1's indexes ended in
-- updated_at alone (ties were sorted afresh on every page), and the section index and the
-- trash had none in that order. The status and section indexes also serve the filters.

DROP INDEX IF EXISTS articles_by_update;
DROP INDEX IF EXISTS articles_by_status;
DROP INDEX IF EXISTS articles_by_section;

CREATE INDEX articles_by_change ON articles (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_status ON articles (status, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_section ON articles (section, updated_at, id);
CREATE INDEX articles_in_trash ON articles (updated_at, id) WHERE deleted_at IS NOT NULL;
