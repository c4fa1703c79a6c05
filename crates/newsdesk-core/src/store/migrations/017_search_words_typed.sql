-- The words each search index holds, in order: a word being typed that is longer than the
-- prefix lists (six letters) is searched as the words that start with it, read from here
-- (see `search::Words::to_find`). fts5vocab reads the index itself: nothing is stored.
CREATE VIRTUAL TABLE articles_fts_words USING fts5vocab(articles_fts, 'row');
CREATE VIRTUAL TABLE wire_fts_words USING fts5vocab(wire_fts, 'row');
