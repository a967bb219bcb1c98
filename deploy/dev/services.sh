#!/usr/bin/env bash
# Brings up what the EventReactor tests need on a Debian machine, as root:
#   - RabbitMQ on localhost:5672, default guest/guest account (Debian rabbitmq-server), with the
#     management API on 127.0.0.1:15672 (plugin rabbitmq_management: per-minion broker users) and the
#     consistent-hash exchange (plugin rabbitmq_consistent_hash_exchange: the reactors' event partitions)
#   - a Docker engine (Debian docker.io; dockerd runs with its defaults)
#   - the local image eventreactor/busybox:latest, made from Debian's busybox-static
#     (no registry is used, nothing is ever pulled)
#   - PostgreSQL (Debian postgresql) on localhost:5432 with a role that may create databases:
#     postgres://eventreactor:eventreactor@localhost:5432/eventreactor
# There is no systemd on the CI machines and invoke-rc.d is denied by policy-rc.d,
# so the daemons are started here by hand, each detached with its own log file.
#
# usage: services.sh [up]          install what is missing, start what is down (idempotent)
#        services.sh stop-rabbitmq  stop the broker (rabbitmqctl shutdown)
#        services.sh start-rabbitmq start the broker and wait until guest/guest works
#        services.sh restart-docker stop dockerd (its containers die with it) and start it again
#        services.sh postgres       install and start PostgreSQL alone (deploy/dev/cluster.sh uses it)
set -eEuo pipefail

readonly IMAGE=eventreactor/busybox:latest
readonly PACKAGES=(rabbitmq-server docker.io busybox-static amqp-tools chromium postgresql systemd adduser openssh-server iproute2) # systemd, adduser: the package test; openssh-server, iproute2: the ssh provider test hosts
readonly AMQP_URL='amqp://guest:guest@127.0.0.1:5672/%2f'
readonly RABBIT_WAIT_S=90
readonly DOCKER_WAIT_S=60
readonly APT_LOG=/var/log/eventreactor-apt.log
readonly RABBIT_LOG=/var/log/rabbitmq/eventreactor-rabbitmq-server.log
readonly DOCKERD_LOG=/var/log/eventreactor-dockerd.log
readonly DOCKERD_PIDFILE=/var/run/docker.pid
readonly PG_LOG=/var/log/eventreactor-postgresql.log
readonly PG_ROLE=eventreactor

me=$(basename "$0")
# shellcheck source=deploy/dev/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rabbit_pid=""
rabbit_pending=0
rabbit_started_at=$SECONDS

trap 'rc=$?; echo "$me: FAILED (exit $rc) at line $LINENO: $BASH_COMMAND" >&2' ERR

rabbit_node_log() { echo "/var/log/rabbitmq/${RABBITMQ_NODENAME:-rabbit@$(hostname -s)}.log"; }

require_root_debian() {
  if [[ $(id -u) -eq 0 && -f /etc/debian_version ]]; then
    return 0
  fi
  {
    if [[ ! -f /etc/debian_version ]]; then
      echo "$me: this script supports Debian only (no /etc/debian_version here). Elsewhere, provide"
      echo "  RabbitMQ on localhost:5672 with guest/guest, a Docker engine, and a local image"
      echo "  $IMAGE with a busybox sh in it; then run the tests with EVENTREACTOR_SKIP_SERVICES=1."
    else
      echo "$me: must run as root (uid is $(id -u))."
    fi
    echo "  run as root: apt-get install -y ${PACKAGES[*]}"
    echo "  then: sudo deploy/dev/services.sh"
  } >&2
  exit 2
}

install_missing_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  ((${#missing[@]} == 0)) && return 0
  echo "packages: installing ${missing[*]} (log: $APT_LOG)"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y "${missing[@]}"; } \
      >>"$APT_LOG" 2>&1 </dev/null; then
    fail "apt-get could not install ${missing[*]}" "$APT_LOG"
  fi
}

# --- RabbitMQ -----------------------------------------------------------------

# A real AMQP login as guest/guest on 127.0.0.1:5672; the message goes to the default
# exchange with a routing key no queue has, so the broker drops it.
rabbit_answers() {
  timeout 10 amqp-publish -u "$AMQP_URL" -r eventreactor.services-check -b ping >/dev/null 2>&1
}

# Starts the broker unless it answers or its node is already running (booting); does not
# wait for it: rabbit_wait does.
rabbit_start() {
  if rabbit_answers; then
    echo "rabbitmq: up"
    return 0
  fi
  rabbit_pending=1
  if timeout 30 rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    echo "rabbitmq: node is running but AMQP does not answer yet; waiting"
    return 0
  fi
  echo "rabbitmq: starting (log: $RABBIT_LOG and $(rabbit_node_log))"
  # As the Debian unit does: user rabbitmq, cwd /var/lib/rabbitmq (its HOME holds the Erlang
  # cookie). su's pam_limits sets the open-files soft limit to 1024, so raise it again.
  # shellcheck disable=SC2016 # expanded by the rabbitmq user's sh
  detach "$RABBIT_LOG" su rabbitmq -s /bin/sh -c 'cd /var/lib/rabbitmq &&
    { ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || :; } &&
    exec /usr/lib/rabbitmq/bin/rabbitmq-server'
  rabbit_pid=$detached_pid
  rabbit_started_at=$SECONDS
}

rabbit_wait() {
  ((rabbit_pending)) || return 0
  local deadline=$((rabbit_started_at + RABBIT_WAIT_S)) err
  until rabbit_answers; do
    if [[ -n $rabbit_pid ]] && ! kill -0 "$rabbit_pid" 2>/dev/null; then
      fail "rabbitmq-server exited while starting" "$RABBIT_LOG" "$(rabbit_node_log)"
    fi
    if ((SECONDS >= deadline)); then
      err=$(timeout 10 amqp-publish -u "$AMQP_URL" -r eventreactor.services-check -b ping 2>&1) || true
      fail "rabbitmq does not accept guest/guest on 127.0.0.1:5672 after ${RABBIT_WAIT_S} s (last error: ${err:-none})" \
        "$RABBIT_LOG" "$(rabbit_node_log)"
    fi
    sleep 0.5
  done
  if [[ -n $rabbit_pid ]]; then
    echo "rabbitmq: up (started in $((SECONDS - rabbit_started_at)) s)"
  else
    echo "rabbitmq: up"
  fi
}

# The management HTTP API, through which a reactor with Reactor:BrokerIdentity:Enabled makes
# per-minion users. Enabling an enabled plugin changes nothing, so this runs every time.
rabbit_management() {
  local deadline
  timeout 120 rabbitmq-plugins -q enable rabbitmq_management >/dev/null 2>&1 ||
    fail "rabbitmq-plugins enable rabbitmq_management failed" "$(rabbit_node_log)"
  deadline=$((SECONDS + RABBIT_WAIT_S))
  until timeout 5 bash -c '</dev/tcp/127.0.0.1/15672' 2>/dev/null; do
    ((SECONDS < deadline)) || fail "the RabbitMQ management API does not listen on 127.0.0.1:15672 after ${RABBIT_WAIT_S} s" "$(rabbit_node_log)"
    sleep 0.5
  done
  echo "rabbitmq: management API on 127.0.0.1:15672"
}

# The exchange type that splits events into the reactors' partitions (docs/scale-out.md); enabled on the running
# node, no restart. Enabling an enabled plugin changes nothing, so this runs every time.
rabbit_partitions() {
  timeout 120 rabbitmq-plugins -q enable rabbitmq_consistent_hash_exchange >/dev/null 2>&1 ||
    fail "rabbitmq-plugins enable rabbitmq_consistent_hash_exchange failed" "$(rabbit_node_log)"
  echo "rabbitmq: consistent-hash exchange enabled"
}

rabbit_stop() {
  if ! timeout 30 rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    rabbit_answers && fail "AMQP answers on 127.0.0.1:5672 but rabbitmq-diagnostics cannot reach the node"
    echo "rabbitmq: not running"
    return 0
  fi
  timeout 120 rabbitmqctl -q shutdown >/dev/null 2>&1 || fail "rabbitmqctl shutdown failed" "$(rabbit_node_log)"
  echo "rabbitmq: stopped"
}

# --- Docker -------------------------------------------------------------------

docker_answers() { timeout 20 docker info >/dev/null 2>&1; }

docker_ensure() {
  if docker_answers; then
    echo "docker: up"
    return 0
  fi
  echo "docker: starting dockerd (log: $DOCKERD_LOG)"
  local started=$SECONDS pid
  # No flags needed here: overlay2 on ext4, cgroupfs (v1), bridge and iptables (nft) all work.
  detach "$DOCKERD_LOG" dockerd
  pid=$detached_pid
  until docker_answers; do
    kill -0 "$pid" 2>/dev/null || fail "dockerd exited while starting" "$DOCKERD_LOG"
    ((SECONDS - started < DOCKER_WAIT_S)) || fail "docker info does not answer after ${DOCKER_WAIT_S} s" "$DOCKERD_LOG"
    sleep 0.5
  done
  echo "docker: up (started in $((SECONDS - started)) s)"
}

docker_stop() {
  local pid
  pid=$(cat "$DOCKERD_PIDFILE" 2>/dev/null) || true
  if [[ -z $pid ]] || [[ $(cat "/proc/$pid/comm" 2>/dev/null) != dockerd ]]; then
    docker_answers && fail "docker answers but no dockerd process is named in $DOCKERD_PIDFILE"
    echo "docker: not running"
    return 0
  fi
  stop_pid "$pid" dockerd "$DOCKERD_LOG"
  echo "docker: stopped"
}

docker_restart() {
  if [[ -d /run/systemd/system ]]; then # a developer machine where systemd runs docker.service
    systemctl restart docker || fail "systemctl restart docker failed"
  else
    docker_stop
  fi
  docker_ensure
}

# --- PostgreSQL ----------------------------------------------------------------

pg_psql() { (cd / && timeout 30 runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -At -c "$1"); }

# The newest installed server's cluster "main" (made by the package; made here if it was dropped), started by
# pg_ctlcluster, then the test role and its database, each only if missing.
postgres_ensure() {
  local version
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
  [[ -n $version ]] || fail "no PostgreSQL server under /usr/lib/postgresql (apt-get install -y postgresql)"
  pg_lsclusters -h "$version" main >/dev/null 2>&1 || pg_createcluster "$version" main >>"$PG_LOG" 2>&1 ||
    fail "pg_createcluster $version main failed" "$PG_LOG"
  if [[ $(pg_lsclusters -h "$version" main | awk '{print $4}') == online ]]; then
    echo "postgresql: up"
  else
    pg_ctlcluster "$version" main start >>"$PG_LOG" 2>&1 ||
      fail "pg_ctlcluster $version main start failed" "$PG_LOG" "/var/log/postgresql/postgresql-$version-main.log"
    echo "postgresql: up (started)"
  fi
  [[ $(pg_psql "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'") == 1 ]] ||
    pg_psql "CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_ROLE'" || fail "cannot create the role $PG_ROLE"
  [[ $(pg_psql "SELECT 1 FROM pg_database WHERE datname = '$PG_ROLE'") == 1 ]] ||
    pg_psql "CREATE DATABASE $PG_ROLE OWNER $PG_ROLE" || fail "cannot create the database $PG_ROLE"
}

# --- the busybox image ----------------------------------------------------------

image_build() {
  local rootfs version
  version=$(dpkg-query -W -f='${Version}' busybox-static)
  echo "image $IMAGE: building from /bin/busybox (busybox-static $version)"
  rootfs=$(mktemp -d /tmp/eventreactor-rootfs.XXXXXX)
  # shellcheck disable=SC2064 # expand now: rootfs is local
  trap "rm -rf '$rootfs'" EXIT
  chmod 755 "$rootfs"
  mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,var/tmp,dev,proc,sys}
  chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
  chmod 700 "$rootfs/root"
  install -m 755 /bin/busybox "$rootfs/bin/busybox"
  # Symlinks for every applet in /bin, /sbin, /usr/bin, /usr/sbin; this only works
  # because busybox-static's binary needs no libraries.
  chroot "$rootfs" /bin/busybox --install -s ||
    fail "chroot $rootfs /bin/busybox --install -s failed (is /bin/busybox the static one from busybox-static?)"
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$rootfs/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$rootfs/etc/group"
  tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf - . |
    docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["sh"]' \
      --message "built by deploy/dev/services.sh from busybox-static $version" \
      - "$IMAGE" >/dev/null ||
    fail "docker import of $IMAGE failed" "$DOCKERD_LOG"
  rm -rf "$rootfs"
  trap - EXIT
}

image_check() {
  local rc=0 out
  out=$(timeout 60 docker run --rm --network none "$IMAGE" sh -c 'exit 3' 2>&1) || rc=$?
  ((rc == 3)) ||
    fail "docker run --rm --network none $IMAGE sh -c 'exit 3' exited $rc, not 3: $out" "$DOCKERD_LOG"
  out=$(timeout 60 docker run --rm --network none "$IMAGE" sh -c 'ls /dev >/dev/null && head -n 1 /proc/meminfo' 2>&1) ||
    fail "docker run --rm --network none $IMAGE (ls /dev, /proc/meminfo) failed: $out" "$DOCKERD_LOG"
  [[ $out == MemTotal:* ]] || fail "unexpected output from a container of $IMAGE: $out" "$DOCKERD_LOG"
}

image_ensure() {
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    image_check
    echo "image $IMAGE: present"
    return 0
  fi
  image_build
  image_check
  echo "image $IMAGE: present (built)"
}

# --- main ---------------------------------------------------------------------

cmd=${1:-up}
case $cmd in
  up)
    require_root_debian
    install_missing_packages
    rabbit_start # the broker boots (about 6 s) while docker is brought up
    docker_ensure
    image_ensure
    postgres_ensure
    rabbit_wait
    rabbit_management
    rabbit_partitions
    ;;
  stop-rabbitmq) require_root_debian; rabbit_stop ;;
  start-rabbitmq) require_root_debian; rabbit_start; rabbit_wait; rabbit_management; rabbit_partitions ;;
  restart-docker) require_root_debian; docker_restart ;;
  postgres) require_root_debian; install_missing_packages; postgres_ensure ;;
  -h | --help | help) sed -n '2,/^set /s/^# \{0,1\}//p' "$0" ;;
  *)
    echo "$me: unknown command '$cmd' (try: up, stop-rabbitmq, start-rabbitmq, restart-docker, postgres)" >&2
    exit 2
    ;;
esac
