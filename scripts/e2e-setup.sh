#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline-friendly: Debian's Chromium (driven by playwright-core), a CJK font
# and code-server (a real VS Code, from npm) into .vscode-test/. Safe to run again: it skips what is there.
# The font, fonts-wqy-zenhei (16 MB installed, against 91 MB for fonts-noto-cjk), holds WenQuanYi Zen Hei Mono, one of the
# report language's fonts (client/src/font.ts) and the one the UI test measures aligned tables in.
set -euo pipefail
cd "$(dirname "$0")/.."
CODE_SERVER_VERSION=4.100.3

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium ripgrep fonts-wqy-zenhei libkrb5-dev build-essential python3 >/dev/null
fi

CS=.vscode-test/code-server
if [ ! -x "$CS/node_modules/.bin/code-server" ]; then
  # @vscode/ripgrep's postinstall would download rg from GitHub: seed its cache with Debian's rg instead
  T="$PWD/.vscode-test/tmp"
  mkdir -p "$T/rgpkg" "$CS"
  cp "$(command -v rg)" "$T/rgpkg/rg"
  for v in 1.15.11 1.15.13 1.15.14; do
    mkdir -p "$T/vscode-ripgrep-cache-$v"
    tar czf "$T/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$T/rgpkg" rg
  done
  echo '{"private":true}' > "$CS/package.json"
  # node-gyp builds against Node's own headers (no download); code-server's postinstall needs unsafe-perm as root
  (cd "$CS" && TMPDIR="$T" npm_config_nodedir="${npm_config_nodedir:-/usr}" npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi
echo "e2e tools: $(chromium --version 2>/dev/null | head -1); code-server $(node -p "require('./$CS/node_modules/code-server/package.json').version")"
