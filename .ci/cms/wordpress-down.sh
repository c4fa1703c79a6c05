#!/usr/bin/env bash
# Stops the WordPress that wordpress-up.sh started (its Apache; MariaDB is the system's and
# stays), and returns once the port refuses connections. wordpress-up.sh starts it again on
# the same port with the same posts. With --purge, also drops its database and state folder.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then exec sudo -E "$0" "$@"; fi

STATE="${NEWSDESK_CMS_DIR:-/tmp/newsdesk-cms}/wordpress"
if [ -f "$STATE/apache.pid" ] && pid=$(cat "$STATE/apache.pid") && kill -0 "$pid" 2>/dev/null; then
  apache2 -f "$STATE/apache.conf" -k stop
  # `-k stop` only signals; the parent waits for its children before it exits.
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
if [ "${1:-}" = --purge ]; then
  mariadb -e "DROP DATABASE IF EXISTS newsdesk_test_wp" 2>/dev/null || true
  rm -rf "$STATE" "$STATE/../wordpress.env" /etc/wordpress/config-newsdesk-test.php
fi
