-- Thumbnails first (issue 13): a photo from the team desk is recorded as soon as its record,
-- crops and verified thumbnail are here, and its original (up to 100 MB) follows. Until it
-- does, `awaiting_original` is 1: the window shows the thumbnail and says the original is on
-- its way, and renditions, export and delivery refuse with a clear error. 0 for every photo
-- imported here, whose original came with it. A column rather than the file's absence: the
-- store answers "which originals are still to come" without a look at the disk per photo, and
-- an original that was here and is gone (a damaged disk) stays an error, not "on its way".
ALTER TABLE photos ADD COLUMN awaiting_original INTEGER NOT NULL DEFAULT 0
    CHECK (awaiting_original IN (0, 1));
CREATE INDEX photos_awaiting_original ON photos (id) WHERE awaiting_original = 1;

-- The SHA-256 of the thumbnail the photo's desk document names, when this laptop holds those
-- very bytes (it sent them, or received and checked them): the blob it can send the relay
-- again if the relay lost it. NULL: the document names none (made before thumbnails
-- travelled), or this laptop's thumbnail is its own.
ALTER TABLE desk_photos ADD COLUMN thumbnail_sha256 TEXT;

-- The relay's list of blobs as it stood (its ETag) when this laptop last found there every
-- blob it holds that the desk lists, and a digest of those it held: "<etag> <sha256>". While it
-- holds the same and the relay answers "not modified", none of them has gone, and a sync sends
-- nothing again. NULL: not checked yet on this desk.
ALTER TABLE desk ADD COLUMN blobs_checked TEXT;
