#!/usr/bin/env bash
# The cost of a reaction's ledger writes (a claim, then its completion) on SQLite against PostgreSQL, in the same run
# (issue #12): claims/s and CPU per claim (this process plus the PostgreSQL server's processes), one caller and 32 at
# once, median of three alternating passes. Needs PostgreSQL from deploy/dev/services.sh; each pass uses a fresh
# database, dropped afterwards. Not a test: it prints figures.
#   usage: deploy/perf/claims.sh [claims per pass, default 5000]
set -euo pipefail
cd "$(dirname "$0")/../.."
server="${CLAIMS_POSTGRES:-postgres://eventreactor:eventreactor@localhost:5432/eventreactor}"
dotnet build tests/EventReactor.Benchmarks/EventReactor.Benchmarks.csproj -c Release -nologo -v q >&2
exec dotnet tests/EventReactor.Benchmarks/bin/Release/net10.0/EventReactor.Benchmarks.dll claims "$server" "${1:-5000}"
