"""Reads a ninjs file with Superdesk's own ingest parser and prints what Superdesk keeps.

usage: parse-ninjs ITEM.json

Prints, as JSON, the list `NINJSFeedParser().parse()` returns, unchanged: one item for each
association first (Superdesk ingests a featured photo as its own picture item), the story
last. Dates come out as ISO 8601 strings. Exits non-zero, with Python's traceback, when the
parser refuses the file: a time with fractional seconds, associations given as an array.

The parser is the independent reader of Newsdesk's Superdesk push in the tests
(crates/newsdesk-core/tests/it/superdesk.rs): superdesk-core 2.5.3, run without MongoDB,
Elasticsearch or Redis (parse() opens no connection; import takes about 1 s).
"""

import asyncio
import datetime
import inspect
import json
import logging
import sys
import types

# superdesk-core 2.5.3 pins libraries older than Python 3.11, which this machine has (Debian
# 12): vine 1.3 and celery 4.4 call inspect.formatargspec and inspect.getargspec, websockets 6
# decorates with asyncio.coroutine, all removed in 3.11. They are only touched while
# importing; none of them runs when a file is parsed.
if not hasattr(inspect, "formatargspec"):
    inspect.formatargspec = lambda *args, **kwargs: "(...)"
if not hasattr(inspect, "getargspec"):
    inspect.getargspec = lambda f: inspect.getfullargspec(f)[:4]
if not hasattr(asyncio, "coroutine"):
    asyncio.coroutine = types.coroutine

# Superdesk warns at import that no SECRET_KEY is set: true, and beside the point here.
logging.disable(logging.WARNING)

from superdesk.io.feed_parsers.ninjs import NINJSFeedParser  # noqa: E402


def _as_json(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in the parsed item: {value!r}")


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    items = NINJSFeedParser().parse(argv[0], provider=None)
    json.dump(items, sys.stdout, default=_as_json, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
