-- The photo desk: photos (content-addressed originals), the desk's record, crops.
CREATE TABLE photos (
    -- SHA-256 (hex) of the original file: the same file imported twice is one photo.
    id          TEXT PRIMARY KEY,
    format      TEXT NOT NULL,
    byte_size   INTEGER NOT NULL,
    -- As displayed, after EXIF orientation.
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    -- EXIF orientation 1..8 of the original, applied whenever pixels are made.
    orientation INTEGER NOT NULL DEFAULT 1,
    -- Path of the original relative to the library folder.
    original    TEXT NOT NULL,
    -- The file name the photo came in with, for people.
    source_name TEXT NOT NULL DEFAULT '',
    -- PhotoMetadata as JSON: what the file said, never edited.
    embedded    TEXT NOT NULL,
    -- DeskRecord as JSON: what the desk says.
    desk        TEXT NOT NULL,
    focal_x     REAL CHECK (focal_x BETWEEN 0 AND 1),
    focal_y     REAL CHECK (focal_y BETWEEN 0 AND 1),
    imported_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX photos_by_import ON photos (imported_at DESC);

CREATE TABLE photo_crops (
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    aspect   TEXT NOT NULL,
    -- In upright-original pixels.
    x        INTEGER NOT NULL CHECK (x >= 0),
    y        INTEGER NOT NULL CHECK (y >= 0),
    width    INTEGER NOT NULL CHECK (width > 0),
    height   INTEGER NOT NULL CHECK (height > 0),
    PRIMARY KEY (photo_id, name)
);
