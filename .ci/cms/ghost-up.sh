#!/usr/bin/env bash
# Starts the Ghost that ghost-install.sh installed, on loopback, with its own SQLite database,
# an owner and an Admin API key, and prints what the tests need:
#
#   NEWSDESK_TEST_GHOST_URL=http://127.0.0.1:PORT
#   NEWSDESK_TEST_GHOST_ADMIN_KEY=id:secret
#
# Idempotent: a Ghost already answering is left alone; a stopped one (ghost-down.sh) starts again
# on the same port with the same database and key, so a test can stop Ghost mid-delivery and
# bring it back. Its state (database, uploaded images, log) lives in NEWSDESK_GHOST_RUN, by
# default a folder in /tmp: throwaway, never in the CI cache.
#
# Measured on 2 cores: about 9 s to a first answer on a new database, 4-5 s on an existing one;
# owner and key about 1 s more. Node does the HTTP (curl and jq are not on a fresh Debian).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
INSTALL="$("$HERE/ghost-install.sh")"
RUN="${NEWSDESK_GHOST_RUN:-${TMPDIR:-/tmp}/newsdesk-ghost-$(id -u)}"
mkdir -p "$RUN"

running() { [ -f "$RUN/ghost.pid" ] && kill -0 "$(cat "$RUN/ghost.pid")" 2>/dev/null; }

# A free loopback port, chosen once and kept, so a restarted Ghost has the same address.
if [ ! -f "$RUN/port" ]; then
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  ' > "$RUN/port"
fi
PORT="$(cat "$RUN/port")"
URL="http://127.0.0.1:$PORT"

if ! running; then
  # Staff device verification off: a sign-in from a "new device" otherwise waits for a code by
  # email (Needs2FAError), and the owner signs in once, here, to mint the key.
  # Uploaded images and themes go to the run folder, not into the cached install. Casper (the
  # default theme) comes along: Ghost refuses to render a site without its active theme.
  [ -d "$RUN/content" ] || cp -r "$INSTALL/content" "$RUN/content"
  (
    cd "$INSTALL"
    NODE_ENV=development url="$URL" server__host=127.0.0.1 server__port="$PORT" \
      database__client=sqlite3 database__connection__filename="$RUN/ghost.db" \
      paths__contentPath="$RUN/content" \
      privacy__useUpdateCheck=false privacy__useRpcPing=false privacy__useGravatar=false \
      security__staffDeviceVerification=false \
      logging__level=warn logging__transports='["stdout"]' mail__transport=stub \
      nohup node index.js >> "$RUN/ghost.log" 2>&1 < /dev/null &
    echo $! > "$RUN/ghost.pid"
  )
fi

# Wait for Ghost, create the owner on a new database, mint the key once, and print the env.
GHOST_URL="$URL" GHOST_RUN="$RUN" GHOST_PID="$(cat "$RUN/ghost.pid")" node --input-type=module -e '
import fs from "node:fs";
const url = process.env.GHOST_URL, run = process.env.GHOST_RUN;
const pid = Number(process.env.GHOST_PID);
const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
const headers = { "Content-Type": "application/json", "Accept-Version": "v5.0", Origin: url };
const api = (path, init = {}) =>
  fetch(`${url}/ghost/api/admin/${path}`, { ...init, headers: { ...headers, ...init.headers } });

// A first boot runs Ghost`s migrations: about 9 s here; two minutes is a Ghost that will not come.
const deadline = Date.now() + 120_000;
for (;;) {
  if (!alive()) fail("Ghost exited while starting");
  try { if ((await api("site/")).ok) break; } catch {}
  if (Date.now() > deadline) fail("Ghost did not answer within 120 s");
  await new Promise((r) => setTimeout(r, 300));
}

const keyFile = `${run}/admin-key`;
if (!fs.existsSync(keyFile)) {
  const owner = { email: "editor@example.test", password: "Editor-pass-123456" };
  const setup = await (await api("authentication/setup/")).json();
  if (!setup.setup[0].status) {
    await must("owner", api("authentication/setup/", { method: "POST", body: JSON.stringify({
      setup: [{ name: "Editor", blogTitle: "Newsdesk Test", ...owner }] }) }));
  }
  const session = await must("session", api("session/", { method: "POST",
    body: JSON.stringify({ username: owner.email, password: owner.password }) }));
  const cookie = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  // Ghost answers the sign-in before its session store has the session: seen here in about one
  // run in three, the next request is "Unable to determine the authenticated user". Asked again
  // after a moment, it knows.
  let made;
  for (let attempt = 1; ; attempt++) {
    const res = await api("integrations/?include=api_keys", {
      method: "POST", headers: { Cookie: cookie },
      body: JSON.stringify({ integrations: [{ name: "newsdesk-ci" }] }) });
    if (res.ok) { made = await res.json(); break; }
    if (res.status !== 403 || attempt === 20) fail(`integration: HTTP ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const key = made.integrations[0].api_keys.find((k) => k.type === "admin");
  // Ghost 5.130 answers the admin key`s secret already as `id:secret`; older ones the hex alone.
  fs.writeFileSync(keyFile, key.secret.includes(":") ? key.secret : `${key.id}:${key.secret}`);
}
console.log(`NEWSDESK_TEST_GHOST_URL=${url}`);
console.log(`NEWSDESK_TEST_GHOST_ADMIN_KEY=${fs.readFileSync(keyFile, "utf8").trim()}`);

async function must(what, answer) {
  const res = await answer;
  if (!res.ok) fail(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}
function fail(why) {
  console.error(`ghost-up: ${why}; the end of ${run}/ghost.log:`);
  console.error(fs.readFileSync(`${run}/ghost.log`, "utf8").split("\n").slice(-30).join("\n"));
  process.exit(1);
}
'
