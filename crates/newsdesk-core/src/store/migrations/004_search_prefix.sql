-- Search as you type: indexes of three- to six-letter prefixes, so the word being typed
-- ("ele", "elect") reads one list instead of merging the lists of every word that starts
-- with it, which took over a second for a common prefix in a 100,000-article library (and
-- still 50-100 ms for five letters). Longer prefixes start few words and need no list.
-- FTS5 fixes the prefix option at creation, so the index is rebuilt from its own content.
ALTER TABLE articles_fts RENAME TO articles_fts_001;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, dek, body, byline, keywords,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4 5 6'
);
INSERT INTO articles_fts (rowid, headline, dek, body, byline, keywords)
    SELECT rowid, headline, dek, body, byline, keywords FROM articles_fts_001;
DROP TABLE articles_fts_001;
