-- Where packages go, what was exported, and the outbox of deliveries still to make.
CREATE TABLE destinations (
    name       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('folder', 'http_push')),
    -- The kind's settings as JSON (folder path; URLs, secret and timeouts for HTTP push).
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One row per package written: to a path chosen at export time, or for a destination.
CREATE TABLE exports (
    seq             INTEGER PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    article_version INTEGER NOT NULL,
    -- The ninjs `version`: rises with each newly exported article version, so a receiver
    -- sees 1, 2, 3 for the original and its corrections.
    ninjs_version   INTEGER NOT NULL,
    -- What the package was made of: the article version and the exact renditions (which
    -- embed the photos' desk records). A new credit on a photo is a new ninjs version too.
    content_key     TEXT NOT NULL,
    destination     TEXT NOT NULL,
    -- SHA-256 of manifest.json: two rows with the same value wrote the same package.
    manifest_sha256 TEXT NOT NULL,
    exported_at     TEXT NOT NULL
);
CREATE INDEX exports_by_article ON exports (article_id, content_key);

-- Deliveries. The package itself is kept in the library (package_path) so that every
-- attempt sends the same bytes, whatever happens to the article meanwhile.
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    article_version INTEGER NOT NULL,
    ninjs_version   INTEGER NOT NULL,
    -- Kept as text, not a foreign key: the history outlives a removed destination.
    destination     TEXT NOT NULL,
    package_path    TEXT NOT NULL,
    state           TEXT NOT NULL
                    CHECK (state IN ('pending', 'sending', 'retrying', 'delivered', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    -- While `sending`: the claim expires then, so a delivery whose process died is resumed.
    lease_until     TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
