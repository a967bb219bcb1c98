#!/usr/bin/env bash
# What `rules stats` costs (issue #20 part 3): the per-rule count over a week of audit, seeded in the database, on
# SQLite and PostgreSQL; peers in the same run are every row read into the process and counted there, and the same
# query with its index dropped. Needs PostgreSQL from deploy/dev/services.sh (a fresh database, dropped afterwards).
# Not a test: it prints figures.
#   usage: deploy/perf/rulestats.sh [audit rows, default 1000000] [rules, default 1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
server="${STATS_POSTGRES:-postgres://eventreactor:eventreactor@localhost:5432/eventreactor}"
dotnet build tests/EventReactor.Benchmarks/EventReactor.Benchmarks.csproj -c Release -nologo -v q >&2
exec dotnet tests/EventReactor.Benchmarks/bin/Release/net10.0/EventReactor.Benchmarks.dll stats "${1:-1000000}" "${2:-1000}" "$server"
