#!/usr/bin/env bash
# The dashboard's page times (issue #13): seeds a data folder through the reactor's own stores with 100,000 audited
# events, 1,000 benchmark runs and 50 minions (and a run with a 10-minute 100 ms series, 6,000 samples x 4 metrics),
# starts 'eventreactor up' on it, then times every page: server time p50/p95 over 100 requests (target p95 <= 50 ms;
# /api/status is the peer), and the series run page in chromium until its charts are drawn (target <= 500 ms).
# Needs chromium (apt-get install -y chromium). Not a test: it prints figures and exits 1 when one is over target.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/EventReactor.Benchmarks/EventReactor.Benchmarks.csproj -c Release -nologo -v q >&2
dotnet build src/EventReactor.Cli/EventReactor.Cli.csproj -c Release -nologo -v q >&2
bench=(dotnet tests/EventReactor.Benchmarks/bin/Release/net10.0/EventReactor.Benchmarks.dll ui)
work="$(mktemp -d)"
port="${UI_PERF_PORT:-18799}"
up_pid=""
cleanup() { [ -n "$up_pid" ] && kill "$up_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/rules" "$work/data"
cat > "$work/rules/demo.yaml" <<'YAML'
rules:
  - name: announce-nonzero-exit
    on: minion/*/docker/container/die
    when: event.data.exitCode != 0
    do:
      - log:
          message: ${{ event.data.name }} failed
  - name: log-zero-exit
    on: minion/*/docker/container/die
    when: event.data.exitCode == 0
    do:
      - log:
          message: ${{ event.data.name }} exited
YAML
"${bench[@]}" seed "$work/data"
EVENTREACTOR__Minion__WatchDocker=false dotnet src/EventReactor.Cli/bin/Release/net10.0/eventreactor.dll up \
  --rules "$work/rules" --data "$work/data" --http "http://127.0.0.1:$port" > "$work/up.log" 2>&1 &
up_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$up_pid" 2>/dev/null || { cat "$work/up.log" >&2; exit 1; }
  sleep 0.5
done
"${bench[@]}" measure "http://127.0.0.1:$port"
