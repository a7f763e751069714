#!/usr/bin/env bash
# Sets up (once), packages the extension, and starts it in a real VS Code (code-server 4.139 = VS Code
# 1.139) on a demo workspace. Open the printed address in a browser. Ctrl+C stops it.
#   PORT=8080 (default)   --reset   rebuild the demo workspace from scratch
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh

port="${PORT:-8080}"
demo="$root/.demo/workspace"
state="$root/.demo/state"
if [ "${1:-}" = "--reset" ]; then rm -rf "$root/.demo"; fi

echo "[start] packaging the extension"
# The log stays in this checkout (.demo/ is git-ignored): .cache is shared between worktrees.
mkdir -p "$root/.demo"
npm run --silent package > .demo/package.log 2>&1 || { cat .demo/package.log; exit 1; }

if [ ! -d "$demo/.alliances" ]; then
  echo "[start] creating the demo workspace in .demo/workspace"
  rm -rf "$demo"; mkdir -p "$demo"
  npx --no-install esbuild test/fixtures/demoStore.ts --bundle --platform=node --main-fields=module,main --log-level=warning --outfile=.cache/demoStore.js
  node .cache/demoStore.js "$demo"
fi

mkdir -p "$state/extensions" "$state/user-data/User"
[ -f "$state/user-data/User/settings.json" ] || cat > "$state/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false
}
JSON
node24="$root/.cache/node24/node_modules/node/bin/node"
cs="$root/.cache/code-server/node_modules/code-server/out/node/entry.js"
export PATH="$(dirname "$node24"):$PATH" EXTENSIONS_GALLERY='{}'
"$node24" "$cs" --install-extension dist/alliances.vsix --force \
  --extensions-dir "$state/extensions" --user-data-dir "$state/user-data" >/dev/null

url="http://127.0.0.1:$port/?folder=$demo"
printf '\n\033[32mAlliances is running in VS Code at:\033[0m  %s\n(open it in a browser; Ctrl+C stops the server)\n\n' "$url"
exec "$node24" "$cs" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --config "$state/config.yaml" --extensions-dir "$state/extensions" --user-data-dir "$state/user-data" "$demo"
