#!/bin/sh
# Records what the inventory collector reads on this host into a fixture folder, laid out like the
# real file system, so that detection can be tested on it: record-host.sh Fixtures/<host>
set -eu
out=${1:?usage: record-host.sh FIXTURE_DIR}
mkdir -p "$out/commands"

copy() { # copy FILE...: keep the path under the fixture root; skip what is absent or unreadable
  for f in "$@"; do
    [ -f "$f" ] && [ -r "$f" ] || continue
    mkdir -p "$out$(dirname "$f")"
    cat "$f" > "$out$f" 2>/dev/null || rm -f "$out$f"
  done
}

copy /proc/cpuinfo /proc/meminfo /proc/mounts /proc/sys/kernel/osrelease /proc/sys/kernel/arch /etc/os-release
copy /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/product_name /sys/class/dmi/id/product_version \
  /sys/class/dmi/id/board_vendor /sys/class/dmi/id/bios_vendor /sys/class/dmi/id/chassis_asset_tag /sys/hypervisor/type
for n in /sys/devices/system/node/node[0-9]*; do copy "$n/cpulist" "$n/meminfo"; done
for b in /sys/block/*; do copy "$b/size" "$b/queue/rotational" "$b/device/model"; done
for n in /sys/class/net/*; do copy "$n/speed" "$n/address"; done
for d in /sys/bus/pci/devices/*; do copy "$d/class" "$d/vendor" "$d/device"; done
for c in /sys/class/drm/card[0-9]*; do copy "$c/device/mem_info_vram_total" "$c/device/unique_id" "$c/device/uevent"; done

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=index,name,uuid,memory.total,driver_version,pci.bus_id \
  --format=csv,noheader,nounits > "$out/commands/nvidia-smi.txt" || true
command -v lspci >/dev/null && lspci -vmm -nn -k -D > "$out/commands/lspci.txt" || true
command -v docker >/dev/null && docker info --format '{{json .}}' > "$out/commands/docker-info.json" || true
command -v docker >/dev/null && docker version --format '{{json .}}' > "$out/commands/docker-version.json" || true
root=$(docker info --format '{{.DockerRootDir}}' 2>/dev/null || echo /var/lib/docker)
# statvfs of the Docker root: path, fragment size, blocks, free, available, inodes, free inodes
stat -f -c "$root %S %b %f %a %c %d" "$root" > "$out/statvfs.txt" 2>/dev/null || rm -f "$out/statvfs.txt"
find "$out/commands" -empty -delete
