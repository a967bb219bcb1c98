#!/usr/bin/env bash
# End-to-end benchmark (issues #8 and #10): simulated minions (real outbox) -> RabbitMQ -> reactor (1,000 rules) ->
# event.fire, against plain RabbitMQ.Client in the same run: the single-message reference (publish with confirms, ack)
# and the same-work reference (event published, delivered and acked, a reaction of the same size published). Needs
# RabbitMQ on localhost:5672 (deploy/dev/services.sh) and rabbitmqctl. Uses its own virtual host, eventreactor-bench.
# Extra arguments go to the program (--events N --minions N --latency-rates 200,1000,5000 --latency-seconds N
# --sustain-seconds 30 --sustain-steps 5; --sustain-steps 0 skips the sustained search); tuning through
# EVENTREACTOR__Section__Key variables (e.g. EVENTREACTOR__Bus__PrefetchCount=128; EVENTREACTOR__Reactor__Partitions=1
# sets the partitions of the reactor and of the queues the harness counts alike).
# The output ends with throughput_ratio, events_per_second, reference_per_second, latency_p50_ms, latency_p99_ms,
# latency_max_ms (at the first latency rate), then same_work_reference_per_second, same_work_ratio,
# same_work_reference_throughput_ratio, sustained_events_per_second, sustained_reference_per_second, latency_at_R_* per
# rate (with its stages: outbox, confirm, queue, reactor), same_work_latency_at_R_* and same_work_unrouted_latency_at_R_*
# (the plain client's latency at the same rates) and CPU per event.
# --journal on|off sets Reactor:Journal:Enabled; --journal both (issue #20) runs off, on, off, on with the other
# arguments, prints each pair's ratios and ends with journal_cost_ratio= (events/s, journal on over off, the runs'
# means) and journal_cpu_ratio= (CPU per event of the process running reactor and minions, on over off).
set -euo pipefail
here="$(dirname "$0")"
journal=
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --journal ]; then journal=${2:?--journal needs on, off or both}; shift 2; else args+=("$1"); shift; fi
done
case "$journal" in
  '') exec "$here/endtoend.sh" e2e "${args[@]}" ;;
  on|off) EVENTREACTOR__Reactor__Journal__Enabled=$([ "$journal" = on ] && echo true || echo false) \
            exec "$here/endtoend.sh" e2e "${args[@]}" ;;
  both) ;;
  *) echo "--journal '$journal' must be on, off or both" >&2; exit 2 ;;
esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for setting in off on off on; do
  echo "== journal $setting" | tee -a "$log"
  "$0" --journal "$setting" "${args[@]}" | tee -a "$log"
done
awk -F= '/^== journal/ { j = $0; sub(/.* /, "", j); if (j == "off") p++ }
  /^events_per_second=/ { eps[j, p] = $2; sum[j] += $2 } /^cpu_us_per_event=/ { cpu[j, p] = $2; csum[j] += $2 }
  END { for (i = 1; i <= p; i++) printf "journal pair %d: events/s on/off %.3f, cpu per event on/off %.3f\n", i, eps["on", i] / eps["off", i], cpu["on", i] / cpu["off", i]
        printf "journal_cost_ratio=%.3f\njournal_cpu_ratio=%.3f\n", sum["on"] / sum["off"], csum["on"] / csum["off"] }' "$log"
