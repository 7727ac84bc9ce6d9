#!/usr/bin/env bash
# Installs what the project needs, skipping what is already there:
# Debian packages (sudo when not root) and the .venv with pinned requirements.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r pkg; do
  [ -z "$pkg" ] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/apt-packages.txt
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=.venv/.requirements.sha
want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: preparing .venv"
  # venv refuses a symlink: a .venv linked elsewhere (a bigger disk, say) is made at its target
  [ -x .venv/bin/python ] || /usr/bin/python3 -m venv --system-site-packages "$(readlink -m .venv)"
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > "$stamp"
fi

# The web map's library (OpenLayers), pinned and checked, from npm into the plugin package:
# a published programme carries it, so the page needs no internet. npm keeps the tarball in
# its cache; only the built file, its stylesheet and its licence are copied.
OL_VERSION=10.11.0
OL_SHA256=9e8377871c10e1299a8a302be847de3b8f1060a6d31063b90e84363c7e060477
vendor=programmakamer/web/vendor
if [ "$(cat "$vendor/VERSION" 2>/dev/null)" != "$OL_VERSION" ]; then
  echo "bootstrap: vendoring OpenLayers $OL_VERSION"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "ol@$OL_VERSION" >/dev/null)
  echo "$OL_SHA256  $work/ol-$OL_VERSION.tgz" | sha256sum -c --quiet
  tar -xzf "$work/ol-$OL_VERSION.tgz" -C "$work" package/dist/ol.js package/ol.css package/LICENSE.md
  mkdir -p "$vendor"
  cp "$work/package/dist/ol.js" "$work/package/ol.css" "$vendor/"
  cp "$work/package/LICENSE.md" "$vendor/ol-LICENSE.md"
  echo "$OL_VERSION" > "$vendor/VERSION"
fi

# The Qt 6 migration check has its own venv without system site packages: PyQt6 from PyPI
# must never meet Debian's PyQt5 that QGIS uses.
qt6=.venv/qt6-check
want=$(sha256sum < requirements-qt6.txt | cut -d' ' -f1)
if [ ! -x "$qt6/bin/pyqt5to6" ] || [ "$(cat "$qt6/.requirements.sha" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: preparing $qt6"
  /usr/bin/python3 -m venv --clear "$(readlink -m "$qt6")"
  # the package asks for Python 3.12; it runs on Debian 12's 3.11 (see requirements-qt6.txt)
  "$qt6/bin/pip" install -q --disable-pip-version-check --ignore-requires-python -r requirements-qt6.txt
  echo "$want" > "$qt6/.requirements.sha"
fi
