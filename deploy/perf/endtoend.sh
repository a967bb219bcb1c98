#!/usr/bin/env bash
# Shared by e2e.sh and soak.sh: builds tests/EventReactor.EndToEnd (Release) and runs it with the given command
# (e2e or soak) on its own virtual host, eventreactor-bench (BENCH_VHOST names another, for a second run beside it),
# created with rabbitmqctl (as root or with sudo) if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
command=$1
shift
vhost=${BENCH_VHOST:-eventreactor-bench}
sudo_if() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! sudo_if rabbitmqctl -q list_vhosts | grep -qx "$vhost"; then
  sudo_if rabbitmqctl -q add_vhost "$vhost" >&2
fi
sudo_if rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >&2
project=tests/EventReactor.EndToEnd/EventReactor.EndToEnd.csproj
dotnet build "$project" -c Release -nologo -v q >&2
# The program (not the build) runs with the reactor unit's GC setting; the soak's minion processes drop it again, as
# their unit has none.
gen0=${DOTNET_GCgen0size:-$(sed -n 's/^Environment=DOTNET_GCgen0size=//p' deploy/package/systemd/eventreactor-reactor.service)}
DOTNET_GCgen0size=$gen0 exec dotnet "tests/EventReactor.EndToEnd/bin/Release/net10.0/EventReactor.EndToEnd.dll" "$command" --vhost "$vhost" "$@"
