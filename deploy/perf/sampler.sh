#!/usr/bin/env bash
# Metric sampling overhead (issue #6): the minion's CPU for sampling 50 idle containers at 1 Hz and 10 at 10 Hz
# from cgroup files, against Docker's stats API (this process plus dockerd) for the same containers and interval.
# Needs dockerd and eventreactor/busybox:latest; starts and removes 50 containers. Optional argument: seconds
# measured per phase (default 20). The last three lines are cpu_percent_50_at_1hz=N, cpu_percent_10_at_10hz=N
# and stats_api_ratio=R (how many times cheaper per reading than the stats API).
set -euo pipefail
cd "$(dirname "$0")/../.."
project=tests/EventReactor.Benchmarks/EventReactor.Benchmarks.csproj
dotnet build "$project" -c Release -nologo -v q >&2
exec dotnet "tests/EventReactor.Benchmarks/bin/Release/net10.0/EventReactor.Benchmarks.dll" sampler "$@"
