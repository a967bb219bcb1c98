#!/usr/bin/env bash
# A 3-node RabbitMQ cluster on this machine, for several reactors (docs/scale-out.md), beside the main broker of
# services.sh (which it leaves alone), plus PostgreSQL (services.sh postgres). As root, on Debian.
#
#   node                   AMQP             management   Erlang distribution
#   rabbit-er1@localhost   localhost:5681   port 15681   25681
#   rabbit-er2@localhost   localhost:5682   port 15682   25682
#   rabbit-er3@localhost   localhost:5683   port 15683   25683
#
# Each node keeps its data and logs under DIR/rabbit-erN (DIR: the last argument or
# EVENTREACTOR_CLUSTER_DIR, default /var/lib/eventreactor-cluster), and the cluster has its own plugins file
# (management and the consistent-hash exchange). guest/guest works from this machine:
#   eventreactor reactor --bus rabbitmq://guest:guest@localhost:5681/ --state postgres://eventreactor:eventreactor@localhost:5432/eventreactor
#
# usage: cluster.sh start [DIR]         start the three nodes, join them into one cluster, and PostgreSQL (idempotent)
#        cluster.sh stop [DIR]          stop the three nodes
#        cluster.sh status [DIR]        the cluster as a running node sees it
#        cluster.sh stop-node N [DIR]   stop node N (1-3), e.g. to see the reactors ride through it
#        cluster.sh start-node N [DIR]  start node N again; it rejoins the cluster
set -eEuo pipefail

readonly NODES=(1 2 3)
readonly WAIT_S=120

me=$(basename "$0")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/dev/lib.sh
source "$here/lib.sh"

trap 'rc=$?; echo "$me: FAILED (exit $rc) at line $LINENO: $BASH_COMMAND" >&2' ERR

node_name() { echo "rabbit-er$1@localhost"; }
amqp_port() { echo $((5680 + $1)); }
mgmt_port() { echo $((15680 + $1)); }
dist_port() { echo $((25680 + $1)); }
node_dir() { echo "$base/rabbit-er$1"; }
node_log() { echo "$(node_dir "$1")/log/server.log"; }

require_root() {
  [[ $(id -u) -eq 0 && -f /etc/debian_version ]] && return 0
  echo "$me: must run as root on Debian (it starts rabbitmq-server as the rabbitmq user): sudo $0 $*" >&2
  exit 2
}

# rabbitmqctl against node N; Debian's wrapper runs it as the rabbitmq user, whose cookie the nodes share.
ctl() {
  local n=$1
  shift
  timeout 60 rabbitmqctl -q -n "$(node_name "$n")" "$@"
}

node_running() { ctl "$1" ping >/dev/null 2>&1; }

node_start() {
  local n=$1 dir
  if node_running "$n"; then
    echo "rabbitmq: $(node_name "$n") up"
    return 0
  fi
  dir=$(node_dir "$n")
  mkdir -p "$dir/mnesia" "$dir/log"
  printf '[rabbitmq_management,rabbitmq_consistent_hash_exchange].\n' >"$base/enabled_plugins"
  # Its own configuration: the main broker's files in /etc/rabbitmq set nothing a cluster node must not inherit,
  # but a node of its own must not read a listener or plugin list meant for the main broker.
  : >"$base/rabbitmq.conf"
  chown -R rabbitmq:rabbitmq "$base"
  echo "rabbitmq: starting $(node_name "$n") on $(amqp_port "$n") (log: $(node_log "$n"))"
  # shellcheck disable=SC2016 # expanded by the rabbitmq user's sh
  detach "$dir/log/stdout.log" env \
    RABBITMQ_NODENAME="$(node_name "$n")" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$(amqp_port "$n")" \
    RABBITMQ_DIST_PORT="$(dist_port "$n")" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" \
    RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_LOGS="$(node_log "$n")" \
    RABBITMQ_PID_FILE="$dir/pid" \
    RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-rabbitmq_management tcp_config [{port,$(mgmt_port "$n")}]" \
    su rabbitmq -p -s /bin/sh -c 'cd /var/lib/rabbitmq && HOME=/var/lib/rabbitmq &&
      { ulimit -n 65536 2>/dev/null || :; } && exec /usr/lib/rabbitmq/bin/rabbitmq-server'
}

node_wait() {
  local n=$1 deadline=$((SECONDS + WAIT_S))
  until ctl "$n" await_startup >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "$(node_name "$n") did not start within $WAIT_S s" "$(node_log "$n")" "$(node_dir "$n")/log/stdout.log"
    sleep 1
  done
}

# Joins node N to node 1's cluster unless it is a member already.
node_join() {
  local n=$1
  if ctl 1 cluster_status 2>/dev/null | grep -q "$(node_name "$n")"; then
    return 0
  fi
  echo "rabbitmq: $(node_name "$n") joins $(node_name 1)"
  ctl "$n" stop_app >/dev/null
  ctl "$n" reset >/dev/null
  ctl "$n" join_cluster "$(node_name 1)" >/dev/null || fail "$(node_name "$n") could not join $(node_name 1)" "$(node_log "$n")"
  ctl "$n" start_app >/dev/null
}

# SIGTERM to the node's pid shuts it down cleanly as rabbitmqctl shutdown does, without starting rabbitmqctl's own Erlang
# VM first (which took up to 25 s on a loaded 2-core machine, too long to stop a node "for 20 s").
node_stop() {
  local n=$1 pid
  pid=$(cat "$(node_dir "$n")/pid" 2>/dev/null) || true
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    stop_pid "$pid" "$(node_name "$n")" "$(node_log "$n")"
  elif node_running "$n"; then
    ctl "$n" shutdown >/dev/null 2>&1 || fail "rabbitmqctl shutdown of $(node_name "$n") failed" "$(node_log "$n")"
  else
    echo "rabbitmq: $(node_name "$n") not running"
    return 0
  fi
  echo "rabbitmq: $(node_name "$n") stopped"
}

cluster_start() {
  local n
  for n in "${NODES[@]}"; do node_start "$n"; done
  for n in "${NODES[@]}"; do node_wait "$n"; done
  for n in "${NODES[@]:1}"; do node_join "$n"; done
  bash "$here/services.sh" postgres
  cluster_status
}

cluster_status() {
  local n
  for n in "${NODES[@]}"; do
    if node_running "$n"; then
      ctl "$n" cluster_status
      return 0
    fi
  done
  echo "$me: no node of the cluster runs (start it: $0 start)"
  return 1
}

node_arg() {
  [[ ${1:-} =~ ^[123]$ ]] || {
    echo "$me: name the node: 1, 2 or 3" >&2
    exit 2
  }
}

cmd=${1:-}
case $cmd in
  start | stop | status) base=${2:-${EVENTREACTOR_CLUSTER_DIR:-/var/lib/eventreactor-cluster}} ;;
  stop-node | start-node) node_arg "${2:-}"; base=${3:-${EVENTREACTOR_CLUSTER_DIR:-/var/lib/eventreactor-cluster}} ;;
  -h | --help | help) sed -n '2,/^set /s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *)
    echo "$me: unknown command '$cmd' (try: start, stop, status, stop-node N, start-node N)" >&2
    exit 2
    ;;
esac

require_root "$@"
case $cmd in
  start) cluster_start ;;
  stop) for n in "${NODES[@]}"; do node_stop "$n"; done ;;
  status) cluster_status ;;
  stop-node) node_stop "$2" ;;
  start-node) node_start "$2"; node_wait "$2"; echo "rabbitmq: $(node_name "$2") up" ;;
esac
