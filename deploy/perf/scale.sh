#!/usr/bin/env bash
# Scale-out benchmark (issue #15): `eventreactor reactor` processes acting on events from plain AMQP publishers (one rule,
# event.fire: a claim, its completion with the fired event in the outbox, the audit), counted in the ledger. In one run:
# one reactor on SQLite, then 1, 2 and 3 reactors on one fresh PostgreSQL database each. Prints key=value lines:
# <config>_events_per_second, CPU per event of the reactors, the PostgreSQL server's processes and the broker,
# <config>_events_per_cpu_second (reactors + database), postgres_sqlite_ratio (events/s, target >= 0.7),
# postgres_sqlite_cpu_ratio (events per CPU-second), and the load average before and after (the machine may be shared).
# Needs RabbitMQ and PostgreSQL from deploy/dev/services.sh; uses the virtual host eventreactor-bench (endtoend.sh).
#   usage: deploy/perf/scale.sh [--events N (default 20000)] [--warmup N (default 20000)] [--minions N]
#   SCALE_POSTGRES=postgres://user:password@host:port/db names the server (a database is created per configuration).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/EventReactor.Cli/EventReactor.Cli.csproj -c Release -nologo -v q >&2
export EVENTREACTOR_CLI="$PWD/src/EventReactor.Cli/bin/Release/net10.0/eventreactor.dll"
exec "$(dirname "$0")/endtoend.sh" scale --minions 40 "$@"
