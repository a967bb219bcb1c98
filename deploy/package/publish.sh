#!/usr/bin/env bash
# Publishes the self-contained single-file executables (linux-x64) into OUT_DIR: eventreactor, the whole CLI, and
# eventreactor-minion, the minion alone and trimmed (docs/performance.md, "Minion footprint"). It is the build the .deb
# ships (deploy/package/build.sh) and the one the ssh pool provider installs on hosts (its eventreactor-minion and the
# .so beside it: Reactor:Providers:Ssh:MinionBinary = OUT_DIR/eventreactor-minion, the default beside the .deb's eventreactor).
# One command, so that both are the same build.
#
# usage: deploy/package/publish.sh OUT_DIR
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: deploy/package/publish.sh OUT_DIR" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for project in EventReactor.Cli EventReactor.Minion.Host; do
  dotnet publish "$root/src/$project/$project.csproj" -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true \
    -o "$1" -nologo -v q >&2
done
rm -f "$1/"*.pdb
