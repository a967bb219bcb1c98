#!/usr/bin/env bash
# Rule engine benchmark (issue #3): 1,000 rules, 1,000,000 events, one core.
# Builds Release and runs tests/EventReactor.Benchmarks; its last two lines are
# events_per_second=N and naive_ratio=R.
set -euo pipefail
cd "$(dirname "$0")/../.."
project=tests/EventReactor.Benchmarks/EventReactor.Benchmarks.csproj
dotnet build "$project" -c Release -nologo -v q >&2
exec dotnet "tests/EventReactor.Benchmarks/bin/Release/net10.0/EventReactor.Benchmarks.dll" "$@"
