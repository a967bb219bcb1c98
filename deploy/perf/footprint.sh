#!/usr/bin/env bash
# The minion's footprint on the host it measures (issue 18): RSS when idle, RSS while sampling 10 containers at
# 10 Hz, and idle CPU. For each build it runs two minions against RabbitMQ in a throw-away virtual host: one as
# shipped (idle), one that also samples every running container every 100 ms while 10 busybox containers run.
# Several builds (--command more than once) run side by side in the one run, against the same broker, containers
# and load, and each later one is also given as a ratio to the first: compare builds only within a run.
# The minions get the Environment= lines of deploy/package/systemd/eventreactor-minion.service, as installed.
#
# usage: deploy/perf/footprint.sh [--quick] [--window SECONDS] [--settle SECONDS] [--command 'CMD']... [--no-unit-env]
#   --window   idle CPU window (default 300; --quick: 20)
#   --settle   wait after start before measuring (default 40, as in the issue; --quick: 15)
#   --command  a minion to run, as the words before its options, e.g. 'dotnet src/EventReactor.Cli/bin/Release/net10.0/eventreactor.dll minion'
#              or 'artifacts/package/root/usr/lib/eventreactor/eventreactor-minion'; give it again to add a build to compare
#              (default: the package's minion, made by deploy/package/build.sh into artifacts/package)
#   --no-unit-env  leave out the unit's Environment= lines (to measure without them)
# Needs root, RabbitMQ and Docker (deploy/dev/services.sh). The last lines are the first build's minion_rss_mb=N
# (highest idle RSS), minion_sampling_rss_mb=N (highest while sampling) and minion_idle_cpu_percent=N (of one core).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
unit="$root/deploy/package/systemd/eventreactor-minion.service"
window=300 settle=40 unit_env=1
commands=()
while (($#)); do
  case $1 in
    --quick) window=20 settle=15 ;;
    --window) window=$2; shift ;;
    --settle) settle=$2; shift ;;
    --command) commands+=("$2"); shift ;;
    --no-unit-env) unit_env=0 ;;
    *) echo "footprint.sh: unknown argument '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || { echo "footprint.sh: needs root (rabbitmqctl, docker); run: sudo $0" >&2; exit 2; }
if ((${#commands[@]} == 0)); then
  bash "$root/deploy/package/build.sh" >/dev/null
  commands=("$root/artifacts/package/root/usr/lib/eventreactor/eventreactor-minion")
fi

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
echo "environment: ${env_args[*]:-none}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

for i in $(seq 1 10); do
  docker run -d --network none --label "$label" --name "footprint-$$-$i" eventreactor/busybox:latest sleep 3600 >/dev/null
done

# start N NAME [KEY=VALUE...]: a minion of build N with its own id and data folder; its pid is appended to pids.
start() {
  local n=$1 name=$2 cmd
  shift 2
  read -r -a cmd <<<"${commands[$n]}"
  for i in "${!cmd[@]}"; do [[ -e ${cmd[$i]} ]] && cmd[$i]=$(realpath "${cmd[$i]}"); done # the minions run elsewhere
  mkdir -p "$work/$n-$name"
  (cd "$work/$n-$name" && exec env "${env_args[@]}" "$@" "${cmd[@]}" --id "footprint-$n-$name-$$" --bus "$bus" --data "$work/$n-$name/data") \
    >"$work/$n-$name.log" 2>&1 &
  pids+=($!)
}
idle=() sampling=()
for n in "${!commands[@]}"; do
  echo "build $((n + 1)): ${commands[$n]}"
  start "$n" idle
  idle+=("${pids[-1]}")
  start "$n" sampling EVENTREACTOR__Minion__Metrics__SampleAll=true EVENTREACTOR__Minion__Metrics__Interval=00:00:00.1
  sampling+=("${pids[-1]}")
done

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
alive() { kill -0 "$1" 2>/dev/null || { echo "footprint.sh: a minion exited; the logs:" >&2; tail -n 30 "$work"/*.log >&2; exit 1; }; }
higher() { echo "$1 $2" | awk '{ print ($1 > $2 ? $1 : $2) }'; }

sleep "$settle"
max_idle=() max_sampling=() ticks0=() sampling_ticks0=()
for n in "${!commands[@]}"; do
  alive "${idle[$n]}"; alive "${sampling[$n]}"
  max_idle[n]=$(rss_mb "${idle[$n]}") max_sampling[n]=$(rss_mb "${sampling[$n]}")
  ticks0[n]=$(cpu_ticks "${idle[$n]}") sampling_ticks0[n]=$(cpu_ticks "${sampling[$n]}")
  echo "build $((n + 1)) after ${settle} s: idle RSS ${max_idle[$n]} MB, sampling RSS ${max_sampling[$n]} MB"
done
echo "$(docker ps -q | wc -l) containers running on this host"
t0=$(date +%s.%N)
end=$((SECONDS + window))
while ((SECONDS < end)); do
  sleep 5
  for n in "${!commands[@]}"; do
    alive "${idle[$n]}"; alive "${sampling[$n]}"
    max_idle[n]=$(higher "${max_idle[$n]}" "$(rss_mb "${idle[$n]}")")
    max_sampling[n]=$(higher "${max_sampling[$n]}" "$(rss_mb "${sampling[$n]}")")
  done
done
t1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
cpu() { echo "$1 $2 $t0 $t1 $hz" | awk '{ printf "%.3f", 100 * ($2 - $1) / $5 / ($4 - $3) }'; }
ratio() { echo "$1 $2" | awk '{ printf "%.2f", ($2 > 0 ? $1 / $2 : 0) }'; }
echo "over ${window} s (load average now: $(cut -d' ' -f1-3 /proc/loadavg)):"
idle_cpu=()
for n in "${!commands[@]}"; do
  idle_cpu[n]=$(cpu "${ticks0[$n]}" "$(cpu_ticks "${idle[$n]}")")
  line="build $((n + 1)): idle RSS ${max_idle[$n]} MB, sampling RSS ${max_sampling[$n]} MB, idle CPU ${idle_cpu[$n]}%"
  line+=", sampling CPU $(cpu "${sampling_ticks0[$n]}" "$(cpu_ticks "${sampling[$n]}")")%"
  if ((n > 0)); then
    line+=" (to build 1: $(ratio "${max_idle[$n]}" "${max_idle[0]}"), $(ratio "${max_sampling[$n]}" "${max_sampling[0]}"), $(ratio "${idle_cpu[$n]}" "${idle_cpu[0]}"))"
  fi
  echo "$line"
done
echo "minion_rss_mb=${max_idle[0]}"
echo "minion_sampling_rss_mb=${max_sampling[0]}"
echo "minion_idle_cpu_percent=${idle_cpu[0]}"
