-- Saves never merge the search index (005), but FTS5 still merges a level inside whichever
-- save brings it to `crisismerge` segments (16 by default), and the merge takes every segment
-- of that level with it, cascading up: in the 100,000-story library as built, four saves in a
-- thousand took 0.8 to 3.8 s, each merging about 30 segments (and then checkpointing the
-- pages it wrote), measured on a loaded machine. The window's idle upkeep merges long before
-- a level holds 128 segments (it merges any level of four); this only bounds the segments of
-- a library that nobody tidies, where each save adds one.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 128);
