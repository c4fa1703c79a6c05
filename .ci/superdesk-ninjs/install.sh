#!/usr/bin/env bash
# Installs Superdesk's own ninjs ingest parser (superdesk-core 2.5.3, the newest on PyPI) in a
# virtualenv, for the tests that feed it what Newsdesk pushes. Prints the path of the command
# that parses a file (`parse-ninjs ITEM.json`, see parse_ninjs.py) on its last line.
#
# Cached under ${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk-ci/superdesk-ninjs and keyed by this
# script, the requirements, the parser script and the Python version: a second run with the
# same key checks the parser still answers and returns (about 1 s). A run that dies half-way
# leaves only a .tmp folder that the next run clears; the ready venv appears by one rename.
#
# Why so much ceremony for one parser: superdesk-core 2.5.3 pins libraries from 2020 that do
# not install as pinned on Debian 12's Python 3.11. Three workarounds, found and timed in
# /work/shared/recipes/superdesk-ninjs/:
#   - pip<24.1: newer pip rejects celery 4.4's metadata ("pytz>dev");
#   - build constraints cython<3 and setuptools<70: PyYAML 5.4.1 and elastic-apm 6.7 are built
#     from source and fail with newer ones;
#   - lxml: 2.5.3 asks for <4.7, which has no Python 3.11 wheel and fails to compile; 4.9 is
#     used. requirements.txt pins every package at the version resolved with that change, and
#     is installed with --no-deps.
# GPL/AGPL code, used here as an independent reader in tests; nothing of it is shipped.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PYTHON="${NEWSDESK_PYTHON:-python3}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk-ci/superdesk-ninjs"
READY="$CACHE/ready"
mkdir -p "$CACHE"

key="$(cat "$HERE/install.sh" "$HERE/requirements.txt" "$HERE/parse_ninjs.py" \
  <("$PYTHON" -c 'import sys; print(sys.version)') | sha256sum | cut -d' ' -f1)"

# The smallest item the parser must read: Superdesk's ninjs 1.x with a headline and a date.
check() {
  local sample="$1/sample.json"
  printf '%s' '{"guid": "urn:newsdesk:check", "type": "text", "headline": "Check",
    "versioncreated": "2026-01-02T03:04:05+0000"}' >"$sample"
  "$1/parse-ninjs" "$sample" | grep -q '"headline": "Check"'
}

# Two runs at once (two terminals, two CI steps) wait for each other instead of building twice.
exec 9>"$CACHE/lock"
flock 9

if [ -f "$READY/key" ] && [ "$(cat "$READY/key")" = "$key" ] && check "$READY" 2>/dev/null; then
  echo "$READY/parse-ninjs"
  exit 0
fi

echo "Installing Superdesk's ninjs parser (superdesk-core 2.5.3) into $READY" >&2
rm -rf "$CACHE"/building.tmp-*
BUILD="$CACHE/building.tmp-$$"
mkdir -p "$BUILD"
printf 'cython<3\nsetuptools<70\n' >"$BUILD/build-constraints.txt"
"$PYTHON" -m venv "$BUILD/venv"
pip() {
  PIP_CONSTRAINT="$BUILD/build-constraints.txt" "$BUILD/venv/bin/python" -m pip \
    --disable-pip-version-check --no-input -q "$@"
}
pip install 'pip<24.1'
pip install --no-deps -r "$HERE/requirements.txt"
cp "$HERE/parse_ninjs.py" "$BUILD/parse_ninjs.py"
# Relative to its own folder: the venv is built here and then renamed into place (its python
# finds its packages through pyvenv.cfg beside it, wherever the folder is).
cat >"$BUILD/parse-ninjs" <<'EOF'
#!/bin/sh
here="$(dirname "$0")"
exec "$here/venv/bin/python" "$here/parse_ninjs.py" "$@"
EOF
chmod +x "$BUILD/parse-ninjs"
check "$BUILD"
echo "$key" >"$BUILD/key"

rm -rf "$READY"
mv "$BUILD" "$READY"
echo "$READY/parse-ninjs"
