-- The desk dictionary (issue 9): words the whole library accepts as spelled right (names,
-- places, the paper's own terms), added from the window's "add to desk dictionary" or the CLI.
-- One row per word as typed; `folded` (lower case) is what a check looks up and what makes a
-- second add of "McKinsey" as "mckinsey" the same word.
CREATE TABLE desk_dictionary (
    folded   TEXT PRIMARY KEY,
    word     TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT ''
);
