-- Tags keep the order the editor typed them in.
ALTER TABLE article_tags ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
