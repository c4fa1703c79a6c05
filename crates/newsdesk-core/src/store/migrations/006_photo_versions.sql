-- Photo desk changes name the version they are based on (like article saves), so a change
-- made in the window and one made on the command line cannot silently overwrite each other.
-- Counts the changes to the desk record, focal point and crops; 1 at import.
ALTER TABLE photos ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
