#!/usr/bin/env bash
# Stops the Ghost that ghost-up.sh started (its database and key stay, so ghost-up.sh brings the
# same Ghost back on the same port). Idempotent: a Ghost not running is fine.
set -euo pipefail

RUN="${NEWSDESK_GHOST_RUN:-${TMPDIR:-/tmp}/newsdesk-ghost-$(id -u)}"
[ -f "$RUN/ghost.pid" ] || exit 0
PID="$(cat "$RUN/ghost.pid")"
if kill "$PID" 2>/dev/null; then
  # Ghost closes its database on SIGTERM in well under a second; 20 s, then it is killed.
  for _ in $(seq 1 100); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$PID" 2>/dev/null || true
fi
rm -f "$RUN/ghost.pid"
