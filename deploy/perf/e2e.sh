#!/usr/bin/env bash
# End-to-end benchmark (issues #8 and #10): simulated minions (real outbox) -> RabbitMQ -> reactor (1,000 rules) ->
# event.fire, against plain RabbitMQ.Client in the same run: the single-message reference (publish with confirms, ack)
# and the same-work reference (event published, delivered and acked, a reaction of the same size published). Needs
# RabbitMQ on localhost:5672 (deploy/dev/services.sh) and rabbitmqctl. Uses its own virtual host, eventreactor-bench.
# Extra arguments go to the program (--events N --minions N --latency-rates 200,1000,5000 --latency-seconds N
# --sustain-seconds 30 --sustain-steps 5; --sustain-steps 0 skips the sustained search); tuning through
# EVENTREACTOR__Section__Key variables (e.g. EVENTREACTOR__Bus__PrefetchCount=128).
# The output ends with throughput_ratio, events_per_second, reference_per_second, latency_p50_ms, latency_p99_ms,
# latency_max_ms (at the first latency rate), then same_work_reference_per_second, same_work_ratio,
# sustained_events_per_second, sustained_reference_per_second, latency_at_R_* per rate and CPU per event.
set -euo pipefail
exec "$(dirname "$0")/endtoend.sh" e2e "$@"
