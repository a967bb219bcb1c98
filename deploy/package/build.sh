#!/usr/bin/env bash
# Builds eventreactor_<version>_amd64.deb: a self-contained single-file eventreactor in /usr/lib/eventreactor
# (/usr/bin/eventreactor links to it), configuration in /etc/eventreactor (conffiles), data in
# /var/lib/eventreactor, the system user eventreactor, and the units eventreactor-reactor.service and
# eventreactor-minion.service. The version is <Version> in Directory.Build.props, the one place it is set.
#
# usage: deploy/package/build.sh [OUT_DIR]   (default: artifacts/package; the tree packed is OUT_DIR/root)
# The last line printed is the path of the .deb.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mkdir -p "${1:-$root/artifacts/package}" && cd "${1:-$root/artifacts/package}" && pwd)
cli="$root/src/EventReactor.Cli/EventReactor.Cli.csproj"

version=$(dotnet msbuild "$cli" -nologo -getProperty:Version)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || { echo "build.sh: no version in Directory.Build.props (got '$version')" >&2; exit 1; }

stage="$out/root"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/lib/systemd/system" "$stage/usr/share/doc/eventreactor" \
  "$stage/etc/eventreactor/config" "$stage/etc/eventreactor/reactors"

echo "build.sh: publishing eventreactor $version (linux-x64, self-contained, single file)" >&2
"$here/publish.sh" "$stage/usr/lib/eventreactor"
ln -s ../lib/eventreactor/eventreactor "$stage/usr/bin/eventreactor"

install -m 644 "$here/etc/config/eventreactor.json" "$stage/etc/eventreactor/config/"
install -m 644 "$root/reactors/containers.yaml" "$stage/etc/eventreactor/reactors/"
install -m 644 "$here/systemd/"*.service "$stage/usr/lib/systemd/system/"
install -m 644 "$root/docs/deploy.md" "$stage/usr/share/doc/eventreactor/"
install -m 755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"
(cd "$stage" && find etc -type f -printf '/%p\n' | sort) >"$stage/DEBIAN/conffiles"
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$(du -sk --exclude=DEBIAN "$stage" | cut -f1)/" \
  "$here/debian/control" >"$stage/DEBIAN/control"

deb="$out/eventreactor_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >&2
echo "$deb"
