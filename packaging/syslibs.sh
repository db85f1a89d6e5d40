#!/bin/sh
# Make sure the Debian/Ubuntu packages desk needs are present: python3-venv for the
# virtual environment and the system libraries Qt loads (offscreen, or also a real X11
# window with --window); with --test also the programs the tests open desk's files with;
# with --bundle also what `make bundle` needs (the X11 libraries it copies into the bundle,
# binutils for PyInstaller's objdump, Xvfb for its smoke test). Installs them with apt-get
# when allowed (root, or sudo without a password); otherwise prints the exact command and fails.
set -eu

QT_OFFSCREEN="libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
QT_X11="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"

# Programs the tests run on desk's own files: desktop-file-validate, appstreamcli, groff and man
# on the packaging files; pdftotext/pdfinfo and qpdf on the PDF export, pandoc on the Markdown;
# a throwaway X server (the window opened on it, the display probe) and zsh (completion);
# PostgreSQL's server (initdb, pg_ctl) for the throwaway cluster the storage tests run on.
TEST_TOOLS="desktop-file-utils appstream groff-base man-db poppler-utils qpdf pandoc xvfb zsh postgresql $QT_X11"

wanted="$QT_OFFSCREEN"
for arg in "$@"; do
    case "$arg" in
        --window) wanted="$wanted $QT_X11" ;;
        --test) wanted="$wanted $TEST_TOOLS" ;;
        --bundle) wanted="$wanted $QT_X11 binutils xvfb xauth" ;;
        *) echo "usage: sh packaging/syslibs.sh [--window] [--test] [--bundle]" >&2; exit 2 ;;
    esac
done

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
