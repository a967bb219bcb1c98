#!/usr/bin/env bash
# The package test (run by deploy/test.sh, so by CI): builds the .deb, installs it with dpkg -i, checks
# `eventreactor --version` and `systemd-analyze verify` on the units, runs the installed minion as the
# eventreactor user (with the units' one supplementary group, docker) against RabbitMQ in a virtual host of
# its own until one of its events reaches the broker, then purges the package and checks that nothing is left.
# Needs root on Debian and the services of deploy/dev/services.sh. Exits non-zero, saying why, on any failure.
# usage: deploy/package/test.sh [DEB]   (a .deb already built skips the build)
# EVENTREACTOR_PACKAGE_OUT=DIR keeps the build in DIR (deploy/test.sh hands its binary to the ssh provider's tests).
set -eEuo pipefail

readonly MINION_WAIT_S=60
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
me=package-test
# shellcheck source=deploy/dev/lib.sh
source "$here/../dev/lib.sh"
work=$(mktemp -d /tmp/eventreactor-package-test.XXXXXX)
vhost="eventreactor-package-test-$$"
id="package-test-$$"
minion_pid=""
trap 'rc=$?; echo "$me: FAILED (exit $rc) at line $LINENO: $BASH_COMMAND" >&2' ERR

cleanup() {
  [[ -n $minion_pid ]] && kill -TERM "$minion_pid" 2>/dev/null || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Files named eventreactor outside this checkout, the broker's and Docker's own folders, and logs. The dev cluster's
# folder (deploy/dev/cluster.sh) is left out too: deploy/test.sh starts that cluster while this test runs.
leftovers() {
  find /etc /usr /var/lib /opt -xdev \( -path /var/lib/docker -o -path /var/lib/rabbitmq -o -path /var/lib/eventreactor-cluster \) -prune \
    -o -iname '*eventreactor*' -print 2>/dev/null | sort
}

[[ $(id -u) -eq 0 ]] || fail "must run as root (dpkg -i); run: sudo deploy/package/test.sh"
started=$SECONDS
if dpkg-query -W eventreactor >/dev/null 2>&1; then
  echo "$me: purging an eventreactor package left by an earlier run"
  dpkg --purge eventreactor >/dev/null
fi
leftovers >"$work/before"

deb=${1:-}
if [[ -z $deb ]]; then
  deb=$(bash "$here/build.sh" "${EVENTREACTOR_PACKAGE_OUT:-$work/out}" 2>"$work/build.log" | tail -n 1) || fail "deploy/package/build.sh failed" "$work/build.log"
  echo "$me: built in $((SECONDS - started)) s"
fi
version=$(dpkg-deb -f "$deb" Version)
echo "$me: $(basename "$deb"), $(du -h "$deb" | cut -f1)"

dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || fail "dpkg -i $deb failed" "$work/dpkg.log"
dpkg -L eventreactor | grep eventreactor >"$work/files"
echo "$me: installed $(wc -l <"$work/files") paths"

printed=$(eventreactor --version) || fail "eventreactor --version exited non-zero"
[[ $printed == "$version" || $printed == "$version+"* ]] || fail "eventreactor --version printed '$printed', the package is $version"
echo "$me: eventreactor --version: $printed"
minion_printed=$(/usr/lib/eventreactor/eventreactor-minion --version) || fail "eventreactor-minion --version exited non-zero"
[[ $minion_printed == "$printed" ]] || fail "eventreactor-minion --version printed '$minion_printed', eventreactor '$printed'"

units=(/usr/lib/systemd/system/eventreactor-reactor.service /usr/lib/systemd/system/eventreactor-minion.service)
if ! systemd-analyze verify "${units[@]}" >"$work/verify.log" 2>&1 || grep -q eventreactor "$work/verify.log"; then
  fail "systemd-analyze verify ${units[*]} found problems" "$work/verify.log"
fi
echo "$me: systemd-analyze verify: both units clean"

rabbitmqctl -q add_vhost "$vhost" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
url="guest:guest@127.0.0.1:5672/$vhost"
getent group docker >/dev/null || fail "no docker group (the minion unit's SupplementaryGroups); run: sudo deploy/dev/services.sh"
# As eventreactor-minion.service runs it: its executable (the trimmed minion-only build), user, group, supplementary group
# and working directory.
exec_start=$(sed -n 's/^ExecStart=//p' /usr/lib/systemd/system/eventreactor-minion.service)
[[ $exec_start == /usr/lib/eventreactor/eventreactor-minion ]] || fail "eventreactor-minion.service runs '$exec_start', not the minion-only build"
(cd /etc/eventreactor && exec setpriv --reuid=eventreactor --regid=eventreactor --groups=docker --no-new-privs \
  "$exec_start" --id "$id" --bus "rabbitmq://$url" --heartbeat 00:00:01) >"$work/minion.log" 2>&1 &
minion_pid=$!

# The events exchange exists once the minion has published; a queue bound with '#' (fanout or topic) then sees
# its next event. amqp-consume fails while the exchange is missing, so it is retried.
deadline=$((SECONDS + MINION_WAIT_S))
until event=$(timeout 5 amqp-consume -u "amqp://$url" -e eventreactor.events -r '#' -c 1 cat 2>/dev/null) && [[ -n $event ]]; do
  kill -0 "$minion_pid" 2>/dev/null || fail "the installed minion exited" "$work/minion.log"
  ((SECONDS < deadline)) || fail "no event from the installed minion reached the broker in ${MINION_WAIT_S} s" "$work/minion.log"
  sleep 0.5
done
[[ $event == *"minion/$id/"* ]] || fail "the event on the broker is not from minion $id: $event" "$work/minion.log"
echo "$me: the installed minion's event reached the broker: $(grep -o "\"tag\":\"[^\"]*\"" <<<"$event" | head -n 1)"
[[ -n $(ls -A /var/lib/eventreactor/minion 2>/dev/null) ]] || fail "the minion wrote nothing in /var/lib/eventreactor/minion" "$work/minion.log"
stop_pid "$minion_pid" "the installed minion" "$work/minion.log"
minion_pid=""

dpkg --purge eventreactor >"$work/dpkg.log" 2>&1 || fail "dpkg --purge eventreactor failed" "$work/dpkg.log"
while read -r path; do
  [[ ! -e $path && ! -L $path ]] || fail "dpkg --purge left $path"
done <"$work/files"
[[ ! -e /var/lib/eventreactor ]] || fail "dpkg --purge left the data folder /var/lib/eventreactor"
! getent passwd eventreactor >/dev/null || fail "dpkg --purge left the user eventreactor"
! getent group eventreactor >/dev/null || fail "dpkg --purge left the group eventreactor"
leftovers >"$work/after"
diff "$work/before" "$work/after" >"$work/leftovers" || fail "dpkg --purge left files behind (diff before/after)" "$work/leftovers"
echo "$me: dpkg --purge left nothing behind"
echo "$me: passed in $((SECONDS - started)) s"
