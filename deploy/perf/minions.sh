#!/usr/bin/env bash
# Measures the reactor with N simulated minions (process provider) heartbeating and reporting inventory.
# Usage: deploy/perf/minions.sh [N=50] [SECONDS=60] [HEARTBEAT=00:00:02]
# Needs RabbitMQ on localhost (deploy/dev/services.sh) and rabbitmqctl (root) for a throw-away virtual host, so that
# reactors of other runs on the same broker do not compete for this run's events.
set -euo pipefail
n=${1:-50}
seconds=${2:-60}
heartbeat=${3:-00:00:02}
root=$(cd "$(dirname "$0")/../.." && pwd)
dll="$root/src/EventReactor.Cli/bin/Debug/net10.0/eventreactor.dll"
[ -f "$dll" ] || (cd "$root" && dotnet build EventReactor.sln -nologo -v q >/dev/null)
work=$(mktemp -d /tmp/eventreactor-perf-XXXXXX)
vhost="eventreactor-perf-$$"
port=$((17000 + $$ % 1000))
server="http://127.0.0.1:$port"
rabbitmqctl add_vhost "$vhost" >/dev/null
rabbitmqctl set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
bus="rabbitmq://guest:guest@localhost:5672/$vhost"
mkdir -p "$work/reactors"
cat > "$work/pools.yaml" <<YAML
pools:
  - name: sim
    provider: process
    max: $((n > 50 ? n : 50))
    grains: { rack: sim }
  - name: gpu-k80
    select: has(grains.gpus) && grains.gpus.exists(g, g.model.contains('K80'))
YAML

cleanup() {
  for pid in $(pgrep -f -- "--bus $bus" || true); do kill -9 "$pid" 2>/dev/null || true; done
  rabbitmqctl delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The simulated minions inherit the reactor's environment, so this sets their heartbeat.
EVENTREACTOR__Minion__HeartbeatInterval=$heartbeat dotnet "$dll" reactor --rules "$work/reactors" --data "$work/data" \
  --pools "$work/pools.yaml" --http "$server" --bus "$bus" > "$work/reactor.log" 2>&1 &
reactor=$!
until curl -sf "$server/healthz" >/dev/null; do sleep 0.2; done

start=$(date +%s.%N)
dotnet "$dll" pools scale sim "$n" --wait --timeout 300 --server "$server" | tail -1
up=$(echo "$(date +%s.%N) - $start" | bc)
echo "scale to $n: $up s"

# Every 5 s each minion also reports a full inventory (half of them with a K80), as a changing fleet would.
inventory() {
  while true; do
    for i in $(seq 1 "$n"); do
      model=$([ $((i % 2)) -eq 0 ] && echo "Tesla K80" || echo "A100")
      curl -sf -o /dev/null -X POST "$server/api/events" -H 'content-type: application/json' \
        -d "{\"tag\":\"minion/sim-$i/inventory\",\"data\":{\"cpu\":{\"vendor\":\"AMD\",\"model\":\"EPYC\"},\"gpus\":[{\"vendor\":\"NVIDIA\",\"model\":\"$model\",\"memoryBytes\":12000000000}],\"custom\":{\"rack\":\"sim\"}}}" || true
    done
    sleep 5
  done
}
inventory &
feeder=$!

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$reactor/stat"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$reactor/status"; }
c0=$(cpu); t0=$(date +%s.%N); max_rss=0
for _ in $(seq 1 "$seconds"); do
  sleep 1
  r=$(rss); [ "$r" -gt "$max_rss" ] && max_rss=$r
done
c1=$(cpu); t1=$(date +%s.%N)
kill "$feeder" 2>/dev/null || true
wait "$feeder" 2>/dev/null || true

members=$(curl -sf "$server/api/pools" | python3 -c 'import json,sys; p={x["name"]:x for x in json.load(sys.stdin)}; print(sum(m["present"] for m in p["sim"]["members"]), len(p["gpu-k80"]["members"]))')
present=$(curl -sf "$server/api/minions" | python3 -c 'import json,sys; print(sum(m["present"] for m in json.load(sys.stdin)))')
cpu_pct=$(echo "scale=1; 100 * ($c1 - $c0) / $ticks / ($t1 - $t0)" | bc)
echo "minions present: $present of $n; sim members present, gpu-k80 members: $members"
echo "reactor over ${seconds}s: CPU ${cpu_pct}% of one core, max RSS $((max_rss / 1024)) MiB (heartbeat $heartbeat, inventory every 5 s per minion)"

dotnet "$dll" pools scale sim 0 --wait --timeout 60 --server "$server" | tail -1
kill "$reactor"
wait "$reactor" 2>/dev/null || true
