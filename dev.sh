#!/usr/bin/env bash
# The two set-up commands of README.md live here, so a fresh Debian 12 machine needs nothing
# else:
#   ./dev.sh run    install what is missing, build the UI, start the app on the default library
#   ./dev.sh test   install what is missing, run every test (format, clippy, the contract,
#                   core, CLI, app IPC, end to end)
#   ./dev.sh generate   write ui/src/generated/ from the Rust types (after changing one)
#   ./dev.sh package    install what is missing, build the release package (a .deb) and say where
#   ./dev.sh bench NAME [CASE...]   a benchmark with its peers installed (see below)
set -euo pipefail
cd "$(dirname "$0")"

SYSTEM_PACKAGES=(
  # Tauri 2 on Linux (WebKitGTK 4.1)
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev libssl-dev pkg-config build-essential
  # the real window under test: X server, WebDriver for WebKitGTK
  xvfb xauth dbus-x11 webkit2gtk-driver
  # independent readers and peers used by tests and benchmarks
  libimage-exiftool-perl libvips-tools imagemagick
  # the assembler for libjpeg-turbo's SIMD, which the mozjpeg crate builds (the JPEG decoder of
  # renditions and thumbnails; about 2 MB)
  nasm
  # the end-to-end delivery test renders the published WordPress page as a reader's browser
  # would: a real browser, and a theme for WordPress to draw the page with (the wordpress
  # package only recommends it)
  chromium wordpress-theme-twentytwentythree
  # the wire desk validates NewsML-G2 against its XSD with xmllint (libxml2); about 1 s to install
  libxml2-utils
  # the writing desk's spelling for French, German and Spanish stories (Hunspell dictionaries
  # read by spellbook; about 10 MB, seconds to install)
  hunspell-fr hunspell-de-de hunspell-es
)

# A real WordPress for the delivery tests (.ci/cms/wordpress-up.sh), without recommends: about
# 62 s and 46 MB on a fresh machine.
WORDPRESS_PACKAGES=(wordpress mariadb-server apache2 libapache2-mod-php php-mysql php-gd php-curl
  php-xml php-mbstring php-intl curl)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

install_wordpress_packages() {
  local missing=()
  for p in "${WORDPRESS_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing WordPress for the delivery tests: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
}

setup() {
  install_system_packages
  install_wordpress_packages
}

# Where cargo puts binaries (CARGO_TARGET_DIR lets a developer keep the app's long build apart).
TARGET_DIR="$(realpath -m "${CARGO_TARGET_DIR:-target}")"

# The window's UI: TypeScript built by Vite into ui/dist, which the app binary embeds.
build_ui() {
  npm ci --prefix ui --no-audit --no-fund --loglevel=error
  npm run --prefix ui build
}

# The window's TypeScript on its own, before any Rust: strict types, the linter (eslint with
# typescript-eslint) and the unit tests (Vitest with Tauri's IPC mocks). Runs after build_ui,
# which installed ui/node_modules.
test_ui() {
  npm run --prefix ui check
  npm run --prefix ui lint
  npm run --prefix ui test
}

# The real WordPress the delivery tests send to (its own Apache on a free loopback port, the
# system's MariaDB), and how the tests reach, stop and start it.
start_wordpress() {
  .ci/cms/wordpress-up.sh >/dev/null
  set -a
  # shellcheck disable=SC1091
  . "${NEWSDESK_CMS_DIR:-/tmp/newsdesk-cms}/wordpress.env"
  set +a
  export NEWSDESK_TEST_WORDPRESS_STOP="$PWD/.ci/cms/wordpress-down.sh"
  export NEWSDESK_TEST_WORDPRESS_START="$PWD/.ci/cms/wordpress-up.sh"
  export NEWSDESK_REQUIRE_CMS=1
}

install_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! tauri-driver --help >/dev/null 2>&1; then
    cargo install tauri-driver --version 2.1.0 --locked
  fi
}

# --- The contract between core, shell and window -------------------------------------------
# Kept together and apart from the window's own steps (tsc, lint, Vitest), to merge cleanly.

# Rust habits: one format, and clippy's warnings as errors under [workspace.lints], the app
# crate and every test and bench included.
check_rust_habits() {
  cargo fmt --all --check
  cargo clippy --locked --workspace --all-targets -- -D warnings
}

# Writes ui/src/generated/ anew from the Rust types (then commit it).
generate_contract() {
  NEWSDESK_WRITE_GENERATED=1 cargo test --locked --workspace --test app generated_typescript_is_current
}

# The real binary in a real (virtual) X window, driven through tauri-driver + WebKitWebDriver.
test_e2e() {
  install_tauri_driver
  # --all-targets resolves features as `cargo test` did, so the binaries reuse its build.
  cargo build --locked --workspace --all-targets
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
  NEWSDESK_APP="$TARGET_DIR/debug/newsdesk-app" NEWSDESK_CLI="$TARGET_DIR/debug/newsdesk" \
    NEWSDESK_RELAY="$TARGET_DIR/debug/newsdesk-relay" \
    TAURI_DRIVER="$(command -v tauri-driver)" \
    xvfb-run -a -s "-screen 0 1600x1000x24" npm test --prefix tests/e2e
}

# --- The release package ---------------------------------------------------------------------
# A .deb of the window with the command line and the team desk's relay inside, made by Tauri's
# bundler (@tauri-apps/cli in ui/node_modules, installed by build_ui's `npm ci`). For a deb the
# bundler downloads nothing: it ran here inside a network namespace with no network
# (`unshare -n`). The release profile (root Cargo.toml) says why LTO, codegen units, strip and
# panic are what they are. Run after build_ui (the bundle embeds ui/dist as it is).
PACKAGE_DIR="$TARGET_DIR/release/bundle/deb"
build_package() {
  # Cargo builds the three binaries in one run (the app embeds ui/dist as build_ui left it);
  # the bundler only packs them (`tauri bundle`, not `tauri build`, whose own cargo run would
  # build the app again under its changed configuration).
  cargo build --locked --release --workspace --bins
  local config
  config=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/newsdesk":"%s","/usr/bin/newsdesk-relay":"%s"}}}}}' \
    "$TARGET_DIR/release/newsdesk" "$TARGET_DIR/release/newsdesk-relay")
  rm -rf "$PACKAGE_DIR"
  ui/node_modules/.bin/tauri bundle --ci --bundles deb --config "$config"
  # The bundler names the file after productName (Newsdesk_...); the package itself is
  # `newsdesk`, and so is the file README's `apt install ./newsdesk_*.deb` names.
  local built
  for built in "$PACKAGE_DIR"/Newsdesk_*.deb; do mv "$built" "$PACKAGE_DIR/newsdesk${built##*/Newsdesk}"; done
  ls "$PACKAGE_DIR"/newsdesk_*.deb
}

# Installs the package just built, as a user would (`apt install ./newsdesk_*.deb`); the
# end-to-end test of the package then starts /usr/bin/newsdesk-app on a default library.
install_package() {
  local deb
  deb=$(ls "$PACKAGE_DIR"/newsdesk_*.deb)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb"
  export NEWSDESK_INSTALLED_APP=/usr/bin/newsdesk-app NEWSDESK_REQUIRE_PACKAGE=1
}

# --- Superdesk's own ninjs parser, the independent reader of the http_push tests -----------
# Installed into a cached virtualenv (.ci/superdesk-ninjs/install.sh); the tests run it on
# every item they capture. NEWSDESK_REQUIRE_CMS=1 makes a test fail, not skip, when a reader
# it needs is missing.
SYSTEM_PACKAGES+=(python3-venv python3-dev libmagic1)  # venv; C extensions; python-magic at import
start_superdesk_parser() {
  NEWSDESK_TEST_SUPERDESK_PARSER="$(.ci/superdesk-ninjs/install.sh | tail -n 1)"
  export NEWSDESK_TEST_SUPERDESK_PARSER NEWSDESK_REQUIRE_CMS=1
}

# --- Ghost 5, a real CMS the delivery tests deliver to -------------------------------------
# Installed once under the user's cache by .ci/cms/ghost-install.sh (about 6 min cold, at once
# when cached), started on a free loopback port with an owner and an Admin API key by
# ghost-up.sh (about 10 s). The tests read its address and key from the environment; the
# "stopped during delivery" test stops and starts it with the two scripts named here.
start_ghost() {
  local line
  while IFS= read -r line; do
    export "${line?}"
  done < <(.ci/cms/ghost-up.sh)
  [ -n "${NEWSDESK_TEST_GHOST_ADMIN_KEY:-}" ] || { echo "Ghost did not start" >&2; exit 1; }
  export NEWSDESK_TEST_GHOST_START="$PWD/.ci/cms/ghost-up.sh"
  export NEWSDESK_TEST_GHOST_STOP="$PWD/.ci/cms/ghost-down.sh"
  export NEWSDESK_REQUIRE_CMS=1
}

# The receivers' installs (Ghost from npm, about 6 min cold; Superdesk's parser in a
# virtualenv, about 2.5 min cold) mostly wait on downloads and node-gyp, so they run beside the
# Rust build instead of before it; both are cached and take seconds when done before.
install_receivers() {
  mkdir -p "$TARGET_DIR"
  {
    .ci/cms/ghost-install.sh
    .ci/superdesk-ninjs/install.sh
  } > "$TARGET_DIR/receivers-install.log" 2>&1
}

wait_for_receivers() {
  if ! wait "$1"; then
    tail -n 40 "$TARGET_DIR/receivers-install.log" >&2
    echo "installing Ghost or Superdesk's parser failed (log above)" >&2
    exit 1
  fi
}

# --- Benchmarks, not part of `test` ----------------------------------------------------------
# `./dev.sh bench NAME [CASE...]` runs `cargo bench -p newsdesk-core --bench NAME`. The photos
# bench sets libvips in one process beside Newsdesk through pyvips, installed here into a
# virtualenv under the target folder: pyvips in its ABI mode opens the system's libvips (from
# libvips-tools above), so nothing is compiled; about 10 s the first time.
install_bench_tools() {
  local venv="$TARGET_DIR/bench-python"
  if ! "$venv/bin/python" -c 'import pyvips' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip --disable-pip-version-check --no-input -q install 'pyvips==3.2.0'
  fi
  export NEWSDESK_BENCH_PYTHON="$venv/bin/python"
}

case "${1:-}" in
  bench)
    install_system_packages
    install_bench_tools
    cargo bench --locked -p newsdesk-core --bench "${2:?which bench: articles, photos, export, cms}" \
      -- "${@:3}"
    ;;
  run)
    setup
    build_ui
    shift
    cargo run --locked -p newsdesk-app -- "$@"
    ;;
  test)
    setup
    install_receivers &
    receivers=$!
    build_ui
    test_ui
    check_rust_habits
    wait_for_receivers "$receivers"
    start_ghost
    start_superdesk_parser
    start_wordpress
    cargo test --workspace --locked
    build_package
    install_package
    test_e2e
    ;;
  package)
    setup
    build_ui
    build_package
    ;;
  generate)
    generate_contract
    ;;
  *)
    echo "usage: ./dev.sh run | ./dev.sh test | ./dev.sh generate | ./dev.sh package | ./dev.sh bench NAME [CASE...]" >&2
    exit 2
    ;;
esac
