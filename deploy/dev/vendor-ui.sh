#!/usr/bin/env bash
# Refreshes the dashboard's vendored JavaScript and CSS from the npm registry (needs npm; users need neither).
# Pin versions here, run it, review the diff, commit. Writes src/EventReactor.Reactor/Ui/wwwroot/vendor/.
set -euo pipefail

readonly HTMX_VERSION="${HTMX_VERSION:-2.0.11}"
readonly UPLOT_VERSION="${UPLOT_VERSION:-1.6.32}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
vendor="$root/src/EventReactor.Reactor/Ui/wwwroot/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v npm >/dev/null || { echo "vendor-ui.sh: npm is missing; run: apt-get install -y npm" >&2; exit 1; }

fetch() { # package version -> unpacked folder
  (cd "$work" && npm pack --silent "$1@$2" >/dev/null && mkdir -p "$1" && tar xzf "$1-$2.tgz" -C "$1")
  echo "$work/$1/package"
}

htmx="$(fetch htmx.org "$HTMX_VERSION")"
uplot="$(fetch uplot "$UPLOT_VERSION")"

mkdir -p "$vendor"
cp "$htmx/dist/htmx.min.js" "$vendor/htmx.min.js"
cp "$htmx/LICENSE" "$vendor/htmx.LICENSE.txt"
cp "$uplot/dist/uPlot.iife.min.js" "$vendor/uPlot.iife.min.js"
cp "$uplot/dist/uPlot.min.css" "$vendor/uPlot.min.css"
cp "$uplot/LICENSE" "$vendor/uPlot.LICENSE.txt"

cat > "$vendor/VENDORED.md" <<MD
# Vendored front-end files

Copied from the npm registry by \`deploy/dev/vendor-ui.sh\`; do not edit by hand. Served by the reactor under
\`/ui/static/vendor/\`; nothing is loaded from outside the reactor.

| package | version | licence | files |
| --- | --- | --- | --- |
| htmx.org | $HTMX_VERSION | $(node -e "console.log(require('$htmx/package.json').license)" 2>/dev/null || echo 0BSD) | htmx.min.js, htmx.LICENSE.txt |
| uplot | $UPLOT_VERSION | $(node -e "console.log(require('$uplot/package.json').license)" 2>/dev/null || echo MIT) | uPlot.iife.min.js, uPlot.min.css, uPlot.LICENSE.txt |

SHA-256:

\`\`\`
$(cd "$vendor" && sha256sum htmx.min.js uPlot.iife.min.js uPlot.min.css)
\`\`\`
MD
echo "vendored htmx.org $HTMX_VERSION and uplot $UPLOT_VERSION into $vendor"
