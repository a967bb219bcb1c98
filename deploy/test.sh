#!/usr/bin/env bash
# Brings up the dev services (RabbitMQ, Docker, the busybox image), runs the package test
# (deploy/package/test.sh, as root and only without arguments), then every test in EventReactor.sln.
# BrokerNodeChaosTests need the 3-node cluster of deploy/dev/cluster.sh: a whole run as root starts it in the
# background behind the package test (its start is mostly waiting), and stops it at the end if it did not run before.
# Otherwise the test's fixture starts it when it does not run (as root), and stops it after.
# Extra arguments go to dotnet test, e.g.
#   deploy/test.sh --filter "FullyQualifiedName~Messaging"
# EVENTREACTOR_SKIP_SERVICES=1 skips deploy/dev/services.sh (services already up, not root).
# Exits with dotnet test's exit code.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ${EVENTREACTOR_SKIP_SERVICES:-0} != 1 ]]; then
  bash "$here/dev/services.sh"
fi

cluster_job=""
cluster_log=${TMPDIR:-/tmp}/eventreactor-cluster-start.log
if (($# == 0)) && [[ $(id -u) -eq 0 ]] && ! curl -sf -u guest:guest -o /dev/null http://localhost:15681/api/overview; then
  bash "$here/dev/cluster.sh" start >"$cluster_log" 2>&1 &
  cluster_job=$!
fi

if (($# == 0)); then
  if [[ $(id -u) -eq 0 ]]; then
    # The single-file build the package test makes is the one the ssh provider's tests install: built once.
    export EVENTREACTOR_PACKAGE_OUT="$here/../artifacts/package"
    bash "$here/package/test.sh"
    export EVENTREACTOR_MINION_BUILD="$EVENTREACTOR_PACKAGE_OUT/root/usr/lib/eventreactor"
  else
    echo "package test: not run (needs root): sudo deploy/package/test.sh"
  fi
fi

if [[ -n $cluster_job ]]; then
  # A failed start is not fatal here: the cluster test's fixture tries again and fails naming the command that fixes it.
  wait "$cluster_job" || { echo "deploy/dev/cluster.sh start failed (log: $cluster_log):"; tail -n 20 "$cluster_log"; }
fi

cd "$here/.."
rc=0
dotnet test EventReactor.sln --nologo --logger "console;verbosity=minimal" "$@" || rc=$?
if [[ -n $cluster_job ]]; then
  bash "$here/dev/cluster.sh" stop >/dev/null 2>&1 || echo "deploy/dev/cluster.sh stop failed"
fi
exit "$rc"
