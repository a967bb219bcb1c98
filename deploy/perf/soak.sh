#!/usr/bin/env bash
# Soak (issue #10): the reactor and 4 minions, each in its own process, at 1,000 events/s for 10 minutes; a tenth of
# the events set off a chain of three rules. Prints each minute the RSS of the reactor and the minions (and how much of
# the first minion's is its managed heap), the reactor's queue and the minions' outboxes; then whether every event was
# acted on exactly once (distinct reaction ids).
# Needs what e2e.sh needs. Arguments: --minutes N (default 10), --rate N (default 1000), --minions N, --rules N.
# The output ends with soak_reactor_rss_mb_by_minute, soak_minion_rss_mb_by_minute, their growth after the first
# minute in percent, soak_reactor_queue_max, soak_events, soak_reactions and soak_exactly_once; the exit status is 1
# when an event was missed or acted on twice.
set -euo pipefail
exec "$(dirname "$0")/endtoend.sh" soak "$@"
