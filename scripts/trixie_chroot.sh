#!/usr/bin/env bash
# The test suite against the QGIS that Debian 13 (trixie) ships, so a newer QGIS than Debian 12's
# 3.22 is tried before users meet it. A debootstrap chroot under out/trixie, built from Debian's
# own packages, with a venv made the way bootstrap.sh makes .venv. The chroot and its venv are
# cached (a stamp each, redone when the package list or the requirements change); the sources
# are copied in afresh on every run, so the tests never write into the working tree.
# Usage: scripts/trixie_chroot.sh [pytest arguments]     (as root; re-runs itself with sudo)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || exec sudo "$0" "$@"

repo=$PWD
root=$repo/out/trixie
mirror=${TRIXIE_MIRROR:-http://deb.debian.org/debian}
# what scripts/apt-packages.txt asks for on Debian 12 (PostgreSQL 17 in trixie), less the Qt 6
# check's and packaging's tools, plus e2fsprogs (chattr, for the read-only tests) that minbase
# leaves out
packages=(qgis python3-qgis qgis-providers python3-venv python3-pandas xvfb xauth poppler-utils
  qttools5-dev-tools fonts-dejavu-core e2fsprogs ca-certificates chromium chromium-driver
  postgresql-17-postgis-3 postgresql-common python3-psycopg2)
started=$SECONDS

say() { echo "trixie: $*"; }
in_root() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
  PATH=/opt/venv/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

# Every mount under the chroot, deepest first: on exit and before a rebuild, so neither
# `rm -rf` here nor `make clean` can reach through a mount into the host.
unmount_all() {
  local target
  for target in $(findmnt -rn -o TARGET | grep -E "^$root(/|$)" | sort -r); do
    umount "$target" || umount -l "$target"
  done
}
trap unmount_all EXIT
unmount_all

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

mount_kernel_files() {
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
}

base_stamp=$root/.trixie-base
want_base=$(echo "$mirror ${packages[*]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$base_stamp" 2>/dev/null)" != "$want_base" ]; then
  say "building the chroot in $root from $mirror"
  rm -rf "$root"
  mkdir -p "$root"
  debootstrap --variant=minbase trixie "$root" "$mirror"
  printf 'deb %s trixie main\ndeb %s trixie-updates main\ndeb %s-security trixie-security main\n' \
    "$mirror" "$mirror" "$mirror" >"$root/etc/apt/sources.list"
  # no daemon of a package starts inside the chroot
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount_kernel_files
  in_root apt-get update -qq
  in_root apt-get install -y -qq --no-install-recommends "${packages[@]}"
  in_root apt-get clean
  unmount_all
  echo "$want_base" >"$base_stamp"
  say "chroot ready after $((SECONDS - started)) s"
fi

# Pinned as on Debian 12, except numpy: the pin `numpy<2` exists for Debian 12's numpy-1 builds
# of pandas and QGIS, while trixie's python3-numpy is 2.x (its pandas is built against it) and
# numpy 1.x has no wheel for trixie's Python 3.13. So here the venv uses Debian's numpy.
venv_stamp=$root/opt/venv/.requirements.sha
want_venv=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$venv_stamp" 2>/dev/null)" != "$want_venv" ]; then
  say "preparing /opt/venv in the chroot"
  mkdir -p "$root/opt/requirements"
  sed '/^numpy/d' requirements.txt >"$root/opt/requirements/requirements.txt"
  cp requirements-dev.txt "$root/opt/requirements/"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # the host's own certificate authorities (a proxy's, say), so pip reaches PyPI from here too
  find /usr/local/share/ca-certificates -name '*.crt' -exec cp -t "$root/usr/local/share/ca-certificates" {} +
  in_root update-ca-certificates >/dev/null
  rm -rf "$root/opt/venv"
  in_root /usr/bin/python3 -m venv --system-site-packages /opt/venv
  in_root /opt/venv/bin/pip install -q --disable-pip-version-check \
    -r /opt/requirements/requirements-dev.txt
  echo "$want_venv" >"$venv_stamp"
  say "venv ready after $((SECONDS - started)) s"
fi

say "copying the sources to /src and compiling the translations with trixie's lrelease"
rm -rf "$root/src"
mkdir -p "$root/src"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -c | tar -x -C "$root/src"
# the web map's library, vendored by bootstrap.sh (git ignores it): the plugin ships it
[ -d programmakamer/web/vendor ] && cp -r programmakamer/web/vendor "$root/src/programmakamer/web/"
for ts in "$root"/src/programmakamer/i18n/*.ts; do
  in_root /usr/lib/qt5/bin/lrelease -silent "/src/${ts#"$root/src/"}"
done

say "$(in_root dpkg-query -W -f='qgis ${Version}, ' qgis)$(in_root python3 -c \
  'import sys, numpy, shapely; print("Python", sys.version.split()[0], "numpy", numpy.__version__, "shapely", shapely.__version__)')"
mount_kernel_files
tests_started=$SECONDS
status=0
in_root QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-root \
  sh -c 'mkdir -p -m 700 "$XDG_RUNTIME_DIR" && cd /src && exec python -m pytest "$@"' pytest "$@" ||
  status=$?
say "tests took $((SECONDS - tests_started)) s, the whole run $((SECONDS - started)) s"
exit $status
