#!/bin/sh
# Make sure the Debian/Ubuntu packages desk needs are present: python3-venv for the
# virtual environment and the system libraries Qt loads (offscreen, or also a real X11
# window with --window; --bundle adds to the X11 libraries, which `make bundle` copies into
# the bundle, binutils for PyInstaller's objdump and Xvfb for the bundle's smoke test).
# Installs them with apt-get when allowed (root, or sudo without a password); otherwise
# prints the exact command and fails.
set -eu

QT_OFFSCREEN="libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
QT_X11="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"

wanted="$QT_OFFSCREEN"
[ "${1:-}" = "--window" ] && wanted="$wanted $QT_X11"
[ "${1:-}" = "--bundle" ] && wanted="$wanted $QT_X11 binutils xvfb xauth"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "desk: not a Debian/Ubuntu system; make sure Qt's libraries ($wanted) are installed." >&2
    exit 0
fi

python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || wanted="$wanted python3-venv"

missing=""
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "desk: installing system packages:$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "desk: please run:  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
