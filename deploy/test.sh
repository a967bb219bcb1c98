#!/usr/bin/env bash
# Brings up the dev services (RabbitMQ, Docker, the busybox image), runs the package test
# (deploy/package/test.sh, as root and only without arguments), then every test in EventReactor.sln.
# BrokerNodeChaosTests start the 3-node cluster of deploy/dev/cluster.sh themselves when it does not run (as
# root), and stop it after; start it first (sudo deploy/dev/cluster.sh start) to keep it between runs.
# Extra arguments go to dotnet test, e.g.
#   deploy/test.sh --filter "FullyQualifiedName~Messaging"
# EVENTREACTOR_SKIP_SERVICES=1 skips deploy/dev/services.sh (services already up, not root).
# Exits with dotnet test's exit code.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ${EVENTREACTOR_SKIP_SERVICES:-0} != 1 ]]; then
  bash "$here/dev/services.sh"
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

cd "$here/.."
exec dotnet test EventReactor.sln --nologo --logger "console;verbosity=minimal" "$@"
