-- The desk token, kept so the window can sync in the background (issue 13). It sits beside the
-- destinations' push secrets, in the library on this laptop: whoever can read the library can
-- read its stories anyway, and the token opens nothing more than those stories' desk. Written
-- when a join succeeds (the relay took it); never read back out to the window.
ALTER TABLE desk ADD COLUMN token TEXT;
