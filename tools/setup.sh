#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already present:
#   tools/setup.sh build   -> wasm target, Trunk, wasm-bindgen-cli (version from Cargo.lock), npm packages (wasm-opt, esbuild)
#   tools/setup.sh test    -> the above + Debian's Chromium/ChromeDriver, the CJK font, brotli
# Only registries reachable here are used (crates.io, npm, Debian); nothing downloads a binary.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"
TRUNK_VERSION=0.21.14

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing Trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly, or Trunk tries a download.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# npm packages: binaryen (wasm-opt for Trunk), esbuild (minifies the JS in tools/post_build.py),
# Playwright, axe-core. `npm ci` only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund
fi

need=()
# rsvg-convert renders the PWA icons in the Trunk post_build hook (tools/post_build.py).
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
if [ "$what" = "test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
  command -v brotli >/dev/null 2>&1 || need+=(brotli)
fi
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi
log "ready ($what)"
