-- desk library schema, version 11: a team library's search splits words as this one does.
--
-- Nothing changes in an SQLite library: FTS5's unicode61 tokenizer already cuts "COVID-19",
-- "7-2", "3.5" and "ana@example.org" into their letters and digits, which is how a search's
-- words are read (desk.storage.search). PostgreSQL's parser kept such runs whole ("-19",
-- "3.5", the address), so on a team library a search for them found nothing; its schema 11
-- (db/postgresql/0011_search_words.sql) splits them too. The number stays the same on both
-- engines, so a library copied from one to the other is at the same schema.
SELECT 1;
