#!/usr/bin/env bash
# Installs Ghost 5 (npm, SQLite) for the delivery tests, once: the install is kept under the
# user's cache and a second run returns at once. Ghost 5.130.6 is the last line that runs on
# Node 20 (Ghost 6 needs Node 22). Only the npm registry is used: no ghost-cli, no GitHub.
#
#   .ci/cms/ghost-install.sh          prints the folder Ghost is installed in
#
# Measured on 2 cores: about 6 minutes cold (1,602 packages, 539 MB, node-gyp builds of re2 and
# sqlite3), under a second when installed. Keep npm's cache (~/.npm) and this folder between CI
# runs to stay warm.
set -euo pipefail

GHOST_VERSION=5.130.6
GHOST_HOME="${NEWSDESK_GHOST_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk-ci/ghost}"
INSTALL="$GHOST_HOME/ghost-$GHOST_VERSION"

# The install is complete only when its marker is there: an interrupted run leaves a `.partial`
# folder that the next run throws away, never a half-installed Ghost that looks whole.
if [ -f "$INSTALL/.newsdesk-installed" ]; then
  echo "$INSTALL"
  exit 0
fi

mkdir -p "$GHOST_HOME"
PARTIAL="$INSTALL.partial"
rm -rf "$PARTIAL"
mkdir -p "$PARTIAL"
cd "$GHOST_HOME"

# (1) Install inside the packed package rather than `npm install ghost`: its @tryghost/i18n is a
#     `file:components/*.tgz` dependency that resolves only from the package's own folder.
[ -f "ghost-$GHOST_VERSION.tgz" ] || npm pack --silent "ghost@$GHOST_VERSION" >/dev/null
tar xzf "ghost-$GHOST_VERSION.tgz" -C "$PARTIAL" --strip-components=1
cd "$PARTIAL"

# (2) Drop devDependencies: one of them (mock-knex) is a GitHub tarball, out of reach offline,
#     and `--omit=dev` still resolves them. Node rewrites the file (jq is not on a fresh Debian).
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
  delete pkg.devDependencies;
  fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
'

# (3) --legacy-peer-deps: bookshelf 1.2.0 asks for knex < 0.22 beside Ghost's knex 2.4.2 (Ghost
#     installs with yarn upstream, which does not enforce peers).
# (4) npm_config_nodedir=/usr: the native modules (sqlite3, re2) would download prebuilt
#     binaries or Node headers from outside the registry; with the system's headers
#     (/usr/include/node) node-gyp compiles them here instead.
# npm's own output goes to stderr: stdout is only the folder, for the scripts that call this one.
npm_config_nodedir=/usr npm install --omit=dev --legacy-peer-deps --no-audit --no-fund \
  --loglevel=error >&2

touch .newsdesk-installed
cd "$GHOST_HOME"
rm -rf "$INSTALL"
mv "$PARTIAL" "$INSTALL"
echo "$INSTALL"
