-- desk library schema, version 7: where an imported article came from.
--
-- Importing the same file twice made a silent duplicate. Each imported file's content
-- hash (sha256 of its bytes) is kept with its batch line, so a re-import of the same bytes,
-- under any name, is noticed and asked about (desk import skips it unless --again).
-- Files imported before this version have no hash and are not recognised.
ALTER TABLE import_batch_files ADD COLUMN content_hash TEXT;
CREATE INDEX import_files_by_hash ON import_batch_files (content_hash)
    WHERE content_hash IS NOT NULL;
