#!/usr/bin/env bash
# A small SSH lab on this machine, to try the ssh pool provider by hand (docs/deploy.md, "Try it: an SSH lab on one
# machine"): N hosts as network namespaces on a bridge, each running Debian's sshd on its own address with a host key
# made here, one login key for the reactor, and a RabbitMQ virtual host and user that the minions reach from the
# namespaces. Traffic stays on this machine: the bridge has no route out. The hosts share this machine's file system,
# so each host's minion gets a folder of its own under the lab's folder (the pool entry's `dir:`).
#
# usage: deploy/dev/ssh-lab.sh start [HOSTS]   # default 2; prints the pools.yaml and the reactor's environment
#        deploy/dev/ssh-lab.sh stop            # kills the lab's minions and sshd, removes namespaces, bridge, vhost, user, folder
#        deploy/dev/ssh-lab.sh env             # prints the pools.yaml and environment again
# Needs root, openssh-server, iproute2 and RabbitMQ (deploy/dev/services.sh). SSH_LAB_SUBNET (default 10.203.7) sets the /24.
set -euo pipefail

lab=${SSH_LAB_DIR:-/var/tmp/eventreactor-ssh-lab} # not /tmp: a tmpfs mounted noexec would stop the minions
subnet=${SSH_LAB_SUBNET:-10.203.7}
bridge=erlab0
vhost=eventreactor-ssh-lab
user=ssh-lab
gateway="$subnet.1"

ns() { echo "erlab-$1"; }
address() { echo "$subnet.$((10 + $1))"; }

# The pool entry for the lab's hosts: each host's pinned key, and a folder of its own (the hosts share this file system).
write_pools() {
  local hosts=$1
  cat <<EOF
pools:
  - name: lab
    provider: ssh
    min: 0
    max: $hosts
    grains: { site: ssh-lab }
    hosts:
EOF
  for i in $(seq 1 "$hosts"); do
    echo "      - { address: $(address "$i"), user: root, key: $lab/client_key, host_key: \"$(ssh-keygen -lf "$lab/host$i.pub" | cut -d' ' -f2)\", dir: $lab/hosts/$i }"
  done
}

print_env() {
  local password
  password=$(cat "$lab/broker-password")
  echo "# $lab/pools.yaml (written):"
  cat "$lab/pools.yaml"
  cat <<EOF

# The reactor: its API on every address, for the CLI on loopback and the minions, which enroll at $gateway (so it needs
# a token); its own bus on loopback as guest, the minions' through the bridge as $user.
export EVENTREACTOR_API_TOKEN=$(cat "$lab/api-token")
export EVENTREACTOR__Reactor__Providers__Ssh__BusUrl='rabbitmq://$user:$password@$gateway:5672/$vhost'
export EVENTREACTOR__Reactor__Providers__Ssh__ReactorUrl=http://$gateway:7070
eventreactor reactor --data $lab/reactor --pools $lab/pools.yaml --http http://0.0.0.0:7070 --bus 'rabbitmq://guest:guest@localhost:5672/$vhost'

# The CLI, in another shell with the same EVENTREACTOR_API_TOKEN:
eventreactor pools scale lab 2 --wait --timeout 300
EOF
}

start() {
  local hosts=${1:-2}
  [[ $hosts =~ ^[1-9]$ ]] || { echo "ssh-lab.sh: HOSTS is 1 to 9" >&2; exit 2; }
  [[ -e $lab ]] && { echo "ssh-lab.sh: $lab exists: a lab is running (or was not stopped); run: $0 stop" >&2; exit 1; }
  ip -o -4 addr | grep -q " $subnet\." && { echo "ssh-lab.sh: $subnet.0/24 is in use here; set SSH_LAB_SUBNET" >&2; exit 1; }
  mkdir -p "$lab/hosts" /run/sshd
  echo "$hosts" >"$lab/host-count"
  head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$lab/broker-password"
  head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$lab/api-token"
  ssh-keygen -q -t ed25519 -N '' -C eventreactor-ssh-lab -f "$lab/client_key"
  cp "$lab/client_key.pub" "$lab/authorized_keys"

  ip link add "$bridge" type bridge
  ip addr add "$gateway/24" dev "$bridge"
  ip link set "$bridge" up
  for i in $(seq 1 "$hosts"); do
    ip netns add "$(ns "$i")"
    ip link add "erlab${i}h" type veth peer name "erlab${i}n"
    ip link set "erlab${i}h" master "$bridge" up
    ip link set "erlab${i}n" netns "$(ns "$i")"
    ip netns exec "$(ns "$i")" ip addr add "$(address "$i")/24" dev "erlab${i}n"
    ip netns exec "$(ns "$i")" ip link set "erlab${i}n" up
    ip netns exec "$(ns "$i")" ip link set lo up
    ssh-keygen -q -t ed25519 -N '' -C "ssh-lab-host$i" -f "$lab/host$i"
    mkdir -p "$lab/hosts/$i"
    cat >"$lab/sshd$i.conf" <<EOF
ListenAddress $(address "$i")
Port 22
HostKey $lab/host$i
PidFile $lab/sshd$i.pid
AuthorizedKeysFile $lab/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
Subsystem sftp internal-sftp
EOF
    ip netns exec "$(ns "$i")" /usr/sbin/sshd -f "$lab/sshd$i.conf" -E "$lab/sshd$i.log"
  done

  write_pools "$hosts" >"$lab/pools.yaml"
  rabbitmqctl -q add_vhost "$vhost" >/dev/null
  rabbitmqctl -q add_user "$user" "$(cat "$lab/broker-password")" >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" "$user" '.*' '.*' '.*' >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
  echo "ssh-lab: $hosts hosts up ($(for i in $(seq 1 "$hosts"); do printf '%s ' "$(address "$i")"; done)); this side $gateway; folder $lab"
  echo
  print_env
}

stop() {
  local hosts=0
  [[ -f $lab/host-count ]] && hosts=$(cat "$lab/host-count")
  for i in $(seq 1 "$hosts"); do
    # Everything left in the namespace: the minions the provider started there, then sshd itself.
    for pid in $(ip netns pids "$(ns "$i")" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null || true; done
  done
  sleep 1
  for i in $(seq 1 "$hosts"); do
    for pid in $(ip netns pids "$(ns "$i")" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns del "$(ns "$i")" 2>/dev/null || true
    ip link del "erlab${i}h" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_user "$user" >/dev/null 2>&1 || true
  rm -rf "$lab"
  echo "ssh-lab: stopped; namespaces, bridge, virtual host '$vhost', user '$user' and $lab removed"
}

[[ $(id -u) -eq 0 ]] || { echo "ssh-lab.sh: needs root (namespaces, sshd); run: sudo $0 $*" >&2; exit 2; }
case ${1:-} in
  start) start "${2:-2}" ;;
  stop) stop ;;
  env) print_env ;;
  *) echo "usage: $0 start [HOSTS] | stop | env" >&2; exit 2 ;;
esac
