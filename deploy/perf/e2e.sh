#!/usr/bin/env bash
# End-to-end benchmark (issue #8): simulated minions (real outbox) -> RabbitMQ -> reactor (1,000 rules) -> event.fire,
# against plain RabbitMQ.Client with confirms and acks in the same run. Needs RabbitMQ on localhost:5672
# (deploy/dev/services.sh) and rabbitmqctl. Uses its own virtual host, eventreactor-bench.
# Extra arguments go to the program (--events N --minions N --rate N --latency-seconds N ...); tuning through
# EVENTREACTOR__Section__Key variables (e.g. EVENTREACTOR__Bus__PrefetchCount=128).
# The output ends with throughput_ratio, events_per_second, reference_per_second, latency_p50_ms, latency_p99_ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
vhost=eventreactor-bench
sudo_if() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! sudo_if rabbitmqctl -q list_vhosts | grep -qx "$vhost"; then
  sudo_if rabbitmqctl -q add_vhost "$vhost" >&2
fi
sudo_if rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >&2
project=tests/EventReactor.EndToEnd/EventReactor.EndToEnd.csproj
dotnet build "$project" -c Release -nologo -v q >&2
exec dotnet "tests/EventReactor.EndToEnd/bin/Release/net10.0/EventReactor.EndToEnd.dll" --vhost "$vhost" "$@"
