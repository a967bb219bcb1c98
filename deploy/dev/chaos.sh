#!/usr/bin/env bash
# Private RabbitMQ and Docker instances for the chaos tests, which stop the broker and restart
# the engine; the shared ones from services.sh are never touched. Run as root on Debian, after
# deploy/dev/services.sh (same packages; the busybox image is copied from the shared engine).
#   - RabbitMQ node er-chaos@localhost on 127.0.0.1:5673 (guest/guest), state under $RABBIT_BASE
#   - dockerd on unix:///run/er-chaos-docker.sock in a network namespace of its own (unshare --net), no
#     bridge, no iptables, its own data root. The namespace matters: with '--bridge none' dockerd deletes
#     the docker0 it sees, which in the host's namespace would break the shared engine's containers.
#
# usage: chaos.sh up              start both (idempotent) and wait until they answer
#        chaos.sh down            stop both and remove their state
#        chaos.sh stop-rabbitmq   stop the private broker (its queues and exchanges are kept)
#        chaos.sh start-rabbitmq  start it again and wait until guest/guest works
#        chaos.sh restart-docker  stop the private dockerd (its containers die with it) and start it
#        chaos.sh scale           run the scale chaos tests (three reactors on PostgreSQL: one killed, one paused with
#                                 SIGSTOP, PostgreSQL restarted (a server of the test's own), a node of the 3-node
#                                 cluster of cluster.sh stopped for 20 s; docs/scale-out.md#failures) on the shared
#                                 services and the cluster (started by the test when it does not run), not the private
#                                 ones. To stop a node by hand:
#                                 cluster.sh stop-node N, start-node N
set -eEuo pipefail

readonly IMAGE=eventreactor/busybox:latest
readonly RABBIT_NODE=er-chaos@localhost
readonly RABBIT_PORT=5673
readonly RABBIT_DIST_PORT=25673
readonly RABBIT_BASE=/var/lib/er-chaos-rabbitmq
readonly AMQP_URL="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/%2f"
readonly DOCKER_SOCK=/run/er-chaos-docker.sock
readonly DOCKER_HOST_URL=unix://$DOCKER_SOCK
readonly DOCKER_DATA=/var/lib/er-chaos-docker
readonly DOCKER_EXEC=/run/er-chaos-docker
readonly DOCKER_PIDFILE=/run/er-chaos-docker.pid
readonly DOCKER_LOG=/var/log/er-chaos-dockerd.log
readonly WAIT_S=90
readonly FIX="run as root: deploy/dev/services.sh (installs rabbitmq-server, docker.io, busybox-static, amqp-tools and builds $IMAGE)"

me=$(basename "$0")
# shellcheck source=deploy/dev/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'rc=$?; echo "$me: FAILED (exit $rc) at line $LINENO: $BASH_COMMAND" >&2' ERR

require() {
  [[ $(id -u) -eq 0 ]] || fail "must run as root (uid is $(id -u)); $FIX"
  local tool
  for tool in rabbitmq-server rabbitmqctl amqp-publish dockerd docker setsid unshare; do
    command -v "$tool" >/dev/null 2>&1 || [[ -x /usr/lib/rabbitmq/bin/$tool ]] || fail "'$tool' is missing; $FIX"
  done
  timeout 20 docker image inspect "$IMAGE" >/dev/null 2>&1 || fail "the shared engine has no image $IMAGE to copy; $FIX"
}

# --- RabbitMQ -----------------------------------------------------------------

rabbit_env() {
  echo "RABBITMQ_NODENAME=$RABBIT_NODE RABBITMQ_NODE_PORT=$RABBIT_PORT RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT" \
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_MNESIA_BASE=$RABBIT_BASE/mnesia RABBITMQ_LOG_BASE=$RABBIT_BASE/log" \
    "RABBITMQ_PID_FILE=$RABBIT_BASE/pid RABBITMQ_ENABLED_PLUGINS_FILE=$RABBIT_BASE/enabled_plugins" \
    "RABBITMQ_CONFIG_FILE=$RABBIT_BASE/rabbitmq RABBITMQ_ADVANCED_CONFIG_FILE=$RABBIT_BASE/advanced.config"
}

rabbit_answers() { timeout 10 amqp-publish -u "$AMQP_URL" -r eventreactor.chaos-check -b ping >/dev/null 2>&1; }

rabbit_start() {
  rabbit_answers && { echo "chaos rabbitmq: up"; return 0; }
  mkdir -p "$RABBIT_BASE/log"
  [[ -f $RABBIT_BASE/enabled_plugins ]] || echo '[].' >"$RABBIT_BASE/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$RABBIT_BASE"
  local started=$SECONDS
  # shellcheck disable=SC2016 # expanded by the rabbitmq user's sh
  detach "$RABBIT_BASE/log/start.log" su rabbitmq -s /bin/sh -c "cd /var/lib/rabbitmq && export $(rabbit_env) &&
    { ulimit -n 65536 2>/dev/null || ulimit -n \"\$(ulimit -Hn)\" 2>/dev/null || :; } &&
    exec /usr/lib/rabbitmq/bin/rabbitmq-server"
  until rabbit_answers; do
    ((SECONDS - started < WAIT_S)) || fail "the private rabbitmq does not accept guest/guest on 127.0.0.1:$RABBIT_PORT after $WAIT_S s" \
      "$RABBIT_BASE/log/start.log" "$RABBIT_BASE/log/$RABBIT_NODE.log"
    sleep 0.3
  done
  echo "chaos rabbitmq: up (started in $((SECONDS - started)) s)"
}

rabbit_stop() {
  local pid
  pid=$(cat "$RABBIT_BASE/pid" 2>/dev/null) || true
  if [[ -z $pid ]] || ! kill -0 "$pid" 2>/dev/null; then
    rabbit_answers && fail "something answers on 127.0.0.1:$RABBIT_PORT but $RABBIT_BASE/pid names no running node"
    echo "chaos rabbitmq: not running"
    return 0
  fi
  # SIGTERM makes the node shut down cleanly, much faster than rabbitmqctl's own VM start.
  stop_pid "$pid" "the private rabbitmq" "$RABBIT_BASE/log/$RABBIT_NODE.log"
  echo "chaos rabbitmq: stopped"
}

# --- Docker -------------------------------------------------------------------

docker_answers() { timeout 20 docker -H "$DOCKER_HOST_URL" info >/dev/null 2>&1; }

docker_start() {
  docker_answers && { echo "chaos docker: up"; return 0; }
  mkdir -p "$DOCKER_DATA" "$DOCKER_EXEC"
  local started=$SECONDS
  detach "$DOCKER_LOG" unshare --net dockerd --host "$DOCKER_HOST_URL" --data-root "$DOCKER_DATA" --exec-root "$DOCKER_EXEC" \
    --pidfile "$DOCKER_PIDFILE" --bridge none --iptables=false --ip6tables=false --shutdown-timeout 1
  until docker_answers; do
    ((SECONDS - started < WAIT_S)) || fail "the private dockerd does not answer on $DOCKER_SOCK after $WAIT_S s" "$DOCKER_LOG"
    sleep 0.3
  done
  if ! docker -H "$DOCKER_HOST_URL" image inspect "$IMAGE" >/dev/null 2>&1; then
    docker save "$IMAGE" | docker -H "$DOCKER_HOST_URL" load -q >/dev/null || fail "copying $IMAGE into the private engine failed" "$DOCKER_LOG"
  fi
  echo "chaos docker: up (started in $((SECONDS - started)) s)"
}

docker_stop() {
  local pid
  pid=$(cat "$DOCKER_PIDFILE" 2>/dev/null) || true
  if [[ -z $pid ]] || [[ $(cat "/proc/$pid/comm" 2>/dev/null) != dockerd ]]; then
    echo "chaos docker: not running"
    return 0
  fi
  stop_pid "$pid" "the private dockerd" "$DOCKER_LOG"
  echo "chaos docker: stopped"
}

# --- main ---------------------------------------------------------------------

cmd=${1:-up}
case $cmd in
  up)
    require
    rabbit_start &
    rabbit_job=$!
    docker_start
    wait "$rabbit_job"
    ;;
  down)
    [[ $(id -u) -eq 0 ]] || fail "must run as root"
    rabbit_stop
    docker_stop
    rm -rf "$RABBIT_BASE" "$DOCKER_EXEC"
    # Container layers may still be mounted for a moment; a leftover data root is reused next time.
    rm -rf "$DOCKER_DATA" 2>/dev/null || true
    ;;
  stop-rabbitmq) rabbit_stop ;;
  start-rabbitmq) require; rabbit_start ;;
  restart-docker) require; docker_stop; docker_start ;;
  scale)
    cd "$(dirname "$0")/../.."
    exec dotnet test tests/EventReactor.IntegrationTests/EventReactor.IntegrationTests.csproj \
      --filter "FullyQualifiedName~ReactorScaleChaosTests|FullyQualifiedName~ReactorPauseChaosTests|FullyQualifiedName~BrokerNodeChaosTests" \
      --logger "console;verbosity=detailed"
    ;;
  -h | --help | help) sed -n '2,20s/^# \{0,1\}//p' "$0" ;;
  *)
    echo "$me: unknown command '$cmd' (try: up, down, stop-rabbitmq, start-rabbitmq, restart-docker, scale)" >&2
    exit 2
    ;;
esac
