#!/usr/bin/env bash
# The cost of marking the reactor outbox's evaluated batches (256 events), one write per event against one per batch, on
# SQLite and PostgreSQL in the same run (issue #13): events/s and CPU per event (this process plus the PostgreSQL
# server's processes), median of three alternating passes. Needs PostgreSQL from deploy/dev/services.sh; each pass uses
# a fresh database, dropped afterwards. Not a test: it prints figures.
#   usage: deploy/perf/outbox-marks.sh [events per pass, default 5120]
set -euo pipefail
cd "$(dirname "$0")/../.."
server="${MARKS_POSTGRES:-postgres://eventreactor:eventreactor@localhost:5432/eventreactor}"
dotnet build tests/EventReactor.Benchmarks/EventReactor.Benchmarks.csproj -c Release -nologo -v q >&2
exec dotnet tests/EventReactor.Benchmarks/bin/Release/net10.0/EventReactor.Benchmarks.dll outbox-marks "$server" "${1:-5120}"
