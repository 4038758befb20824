#!/usr/bin/env bash
# Vendored from shared/tools/install-code-server.sh, so a fresh clone (CI) can install what the
# end-to-end test needs by itself.
# Installs a real VS Code (code-server, the VS Code server + web workbench) and headless Chromium
# on this machine, offline but for the npm registry and Debian's packages, for end-to-end tests
# of the packaged extension. usage: install-code-server.sh DIR   (DIR/node_modules/.bin/code-server)
# code-server 4.100.3 is VS Code 1.100 and the newest release whose engines accept Node 20.
# Its own postinstall downloads ripgrep from GitHub, which cannot work here, so the same steps
# are run by hand with Debian's ripgrep in its place. Idempotent: a finished DIR is left as is.
set -euo pipefail
dir=${1:?usage: install-code-server.sh DIR}
version=${CODE_SERVER_VERSION:-4.100.3}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
[ -f "$dir/.done-$version" ] && { echo "code-server $version already in $dir"; exit 0; }

need=()
for p in libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config ripgrep chromium; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export npm_config_yes=true npm_config_fund=false npm_config_audit=false
cd "$dir"
# DIR is code-server's own folder: never a project's (a later npm ci there would remove it).
if [ -f package.json ] && ! grep -q '"name": *"code-server-e2e"' package.json; then
  echo "install-code-server.sh: $dir has a package.json of its own; give a folder of its own (e.g. .e2e/code-server, ignored by git)" >&2
  exit 2
fi
[ -f package.json ] || echo '{"name":"code-server-e2e","private":true}' > package.json
# Saved, so that adding playwright-core or anything else here later keeps code-server.
npm install --ignore-scripts "code-server@$version" >/dev/null
npm_config_build_from_source=true npm rebuild argon2 >/dev/null

vs="$dir/node_modules/code-server/lib/vscode"
cd "$vs"
npm install --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts >/dev/null)

touch "$dir/.done-$version"
echo "code-server $version installed in $dir; chromium at $(command -v chromium)"
