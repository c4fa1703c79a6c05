-- A search filtered by status or section looked each match up in `articles` (or built a list
-- of the section's articles for every query): most of a filtered search's time in a
-- 100,000-story library. The index now holds where each article is filed, a status token and
-- a section token in a last column, and a filter is one more phrase of the match (see
-- `search::filed_tokens`, which spells the tokens as this does: a private-use mark, U+E000,
-- then `status` and the status, or `section` and the section's UTF-8 bytes in hex).
-- FTS5 cannot add a column, so the index is rebuilt from its own content, as in 004: once, at
-- the first open after the upgrade. It costs about what indexing every story again costs: in
-- the 100,000-story benchmark library 78 s on the quiet machine (76 s of CPU); a desk of a few
-- thousand stories takes seconds.
ALTER TABLE articles_fts RENAME TO articles_fts_015;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, dek, body, byline, keywords, filed,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4 5 6'
);
INSERT INTO articles_fts (rowid, headline, dek, body, byline, keywords, filed)
    SELECT f.rowid, f.headline, f.dek, f.body, f.byline, f.keywords,
           char(57344) || 'status' || a.status || ' ' || char(57344) || 'section' || lower(hex(a.section))
    FROM articles_fts_015 f JOIN articles a ON a.seq = f.rowid;
DROP TABLE articles_fts_015;
-- The renamed index took its settings with it: saves never merge (005), and the crisis merge
-- waits for 128 segments (012).
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 128);
