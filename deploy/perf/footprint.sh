#!/usr/bin/env bash
# The minion's footprint on the host it measures (issue 18): RSS when idle, RSS while sampling 10 containers at
# 10 Hz, and idle CPU. Runs two minions of the same build against RabbitMQ in a throw-away virtual host: one as
# shipped (idle), one that also samples every running container every 100 ms while 10 busybox containers run.
# The minions get the Environment= lines of deploy/package/systemd/eventreactor-minion.service, as installed.
#
# usage: deploy/perf/footprint.sh [--quick] [--window SECONDS] [--settle SECONDS] [--command 'CMD'] [--no-unit-env]
#   --window   idle CPU window (default 300; --quick: 20)
#   --settle   wait after start before measuring (default 40, as in the issue; --quick: 15)
#   --command  the eventreactor to run, e.g. 'dotnet src/EventReactor.Cli/bin/Release/net10.0/eventreactor.dll'
#              (default: the package's build, made by deploy/package/build.sh into artifacts/package)
#   --no-unit-env  leave out the unit's Environment= lines (to measure without them)
# Needs root, RabbitMQ and Docker (deploy/dev/services.sh). The last lines are minion_rss_mb=N (highest idle RSS),
# minion_sampling_rss_mb=N (highest while sampling) and minion_idle_cpu_percent=N (of one core).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
unit="$root/deploy/package/systemd/eventreactor-minion.service"
window=300 settle=40 command="" unit_env=1
while (($#)); do
  case $1 in
    --quick) window=20 settle=15 ;;
    --window) window=$2; shift ;;
    --settle) settle=$2; shift ;;
    --command) command=$2; shift ;;
    --no-unit-env) unit_env=0 ;;
    *) echo "footprint.sh: unknown argument '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || { echo "footprint.sh: needs root (rabbitmqctl, docker); run: sudo $0" >&2; exit 2; }
if [[ -z $command ]]; then
  bash "$root/deploy/package/build.sh" >/dev/null
  command="$root/artifacts/package/root/usr/lib/eventreactor/eventreactor"
fi
read -r -a cmd <<<"$command"
for i in "${!cmd[@]}"; do [[ -e ${cmd[$i]} ]] && cmd[$i]=$(realpath "${cmd[$i]}"); done # the minions run elsewhere

work=$(mktemp -d /tmp/eventreactor-footprint.XXXXXX)
vhost="eventreactor-footprint-$$"
label="eventreactor.footprint=$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
rabbitmqctl -q add_vhost "$vhost" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
bus="rabbitmq://guest:guest@localhost:5672/$vhost"

env_args=()
if ((unit_env)); then
  while IFS= read -r line; do env_args+=("${line#Environment=}"); done < <(grep '^Environment=' "$unit")
fi
echo "minion: ${cmd[*]} (environment: ${env_args[*]:-none})"

for i in $(seq 1 10); do
  docker run -d --network none --label "$label" --name "footprint-$$-$i" eventreactor/busybox:latest sleep 3600 >/dev/null
done

# start NAME [KEY=VALUE...]: a minion with its own id and data folder; its pid is appended to pids.
start() {
  local name=$1
  shift
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env "${env_args[@]}" "$@" "${cmd[@]}" minion --id "footprint-$name-$$" --bus "$bus" --data "$work/$name/data") \
    >"$work/$name.log" 2>&1 &
  pids+=($!)
}
start idle
start sampling EVENTREACTOR__Minion__Metrics__SampleAll=true EVENTREACTOR__Minion__Metrics__Interval=00:00:00.1
idle=${pids[0]} sampling=${pids[1]}

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
alive() { kill -0 "$1" 2>/dev/null || { echo "footprint.sh: a minion exited; its log:" >&2; tail -n 30 "$work"/*.log >&2; exit 1; }; }

sleep "$settle"
alive "$idle"; alive "$sampling"
echo "after ${settle} s: idle RSS $(rss_mb "$idle") MB, sampling RSS $(rss_mb "$sampling") MB ($(docker ps -q | wc -l) containers running on this host)"
max_idle=$(rss_mb "$idle") max_sampling=$(rss_mb "$sampling")
ticks0=$(cpu_ticks "$idle") sampling_ticks0=$(cpu_ticks "$sampling") t0=$(date +%s.%N)
end=$((SECONDS + window))
while ((SECONDS < end)); do
  sleep 5
  alive "$idle"; alive "$sampling"
  max_idle=$(echo "$max_idle $(rss_mb "$idle")" | awk '{ print ($1 > $2 ? $1 : $2) }')
  max_sampling=$(echo "$max_sampling $(rss_mb "$sampling")" | awk '{ print ($1 > $2 ? $1 : $2) }')
done
ticks1=$(cpu_ticks "$idle") sampling_ticks1=$(cpu_ticks "$sampling") t1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
cpu() { echo "$1 $2 $t0 $t1 $hz" | awk '{ printf "%.3f", 100 * ($2 - $1) / $5 / ($4 - $3) }'; }
samples=$(grep -c . "$work/sampling.log" || true)
echo "over ${window} s: sampling minion CPU $(cpu "$sampling_ticks0" "$sampling_ticks1")% of one core ($samples log lines)"
echo "minion_rss_mb=$max_idle"
echo "minion_sampling_rss_mb=$max_sampling"
echo "minion_idle_cpu_percent=$(cpu "$ticks0" "$ticks1")"
