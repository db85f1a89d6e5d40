#!/bin/sh
# Run the built bundle as a colleague would, with no user state: `desk --version`,
# `desk check` (spelling suggestions from the prebuilt index), `desk screenshot` offscreen
# and on an X11 screen (Xvfb, through the bundle's xcb plugin); then check that the PNGs
# show a window, that no spelling index was built in the user's cache, and that the bundle
# wrote nothing into its own folder.
#     sh packaging/bundle/smoke.sh BUNDLE_DIR PYTHON   (PYTHON: one with PySide6, the venv's)
set -eu

bundle=${1:?usage: smoke.sh BUNDLE_DIR PYTHON}
python=${2:?usage: smoke.sh BUNDLE_DIR PYTHON}
desk="$bundle/desk"
[ -x "$desk" ] || { echo "smoke: no $desk; run make bundle first" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
marker="$tmp/started"
touch "$marker"
passed=0
fail() { echo "smoke: FAILED: $*" >&2; echo "smoke: $passed passed, 1 failed"; exit 1; }
ok() { passed=$((passed + 1)); echo "smoke: ok: $*"; }

# No user state: a fresh home, XDG folders and library; of the caller's environment only
# PATH (with no Python needed on it) and a UTF-8 locale. (mktemp's folder has no spaces.)
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
CLEAN="PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=$tmp/home XDG_CACHE_HOME=$tmp/cache
XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state
XDG_RUNTIME_DIR=$tmp/runtime DESK_DB=$tmp/library.db"
# shellcheck disable=SC2086 # one word per variable
run() { env -i $CLEAN QT_QPA_PLATFORM=offscreen "$@"; }

shows_window() {  # a 1440x900 PNG with a window's variety of colours, not a blank one
    "$python" -I - "$1" <<'EOF'
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
assert not image.isNull(), "not a PNG Qt can read"
assert (image.width(), image.height()) == (1440, 900), (image.width(), image.height())
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
assert len(colours) >= 20, f"{len(colours)} colours: blank"
print(f"smoke: {sys.argv[1].rsplit('/', 1)[-1]} is {image.width()}x{image.height()} with {len(colours)} colours")
EOF
}

want=$("$python" -I -c 'import desk; print("desk", desk.__version__)')
got=$(run "$desk" --version) || fail "desk --version exited $?"
[ "$got" = "$want" ] || fail "desk --version printed '$got', not '$want'"
ok "desk --version: $got"

printf 'The council had recieved the letter on Tuesday.\n' > "$tmp/article.txt"
out=$(run "$desk" check "$tmp/article.txt") && status=0 || status=$?
[ "$status" -le 1 ] || fail "desk check exited $status"
case "$out" in
    *recieved*received*) ok "desk check flags recieved and suggests received" ;;
    *) fail "desk check did not suggest 'received': $out" ;;
esac

run "$desk" screenshot "$tmp/offscreen.png" >/dev/null 2>"$tmp/err" \
    || { cat "$tmp/err" >&2; fail "desk screenshot (offscreen) exited non-zero"; }
shows_window "$tmp/offscreen.png" || fail "the offscreen screenshot is missing or blank"
ok "desk screenshot offscreen"

# shellcheck disable=SC2086,SC2016 # one word per variable; $DISPLAY is xvfb-run's
xvfb-run -a -s "-screen 0 1600x1000x24" sh -c 'exec env -i DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$@"' \
    sh $CLEAN QT_QPA_PLATFORM=xcb "$desk" screenshot "$tmp/x11.png" >/dev/null 2>"$tmp/err" \
    || { cat "$tmp/err" >&2; fail "desk screenshot on X11 (xcb) exited non-zero"; }
shows_window "$tmp/x11.png" || fail "the X11 screenshot is missing or blank"
ok "desk screenshot on an X11 screen (xcb)"

index=$(find "$tmp" -name 'spelling-index-*' | head -n 1)
[ -z "$index" ] || fail "the bundle built a spelling index at $index instead of using its own"
ok "no spelling index built in the user's cache"

written=$(find "$bundle" -newer "$marker" | head -n 5)
[ -z "$written" ] || fail "the bundle wrote into its own folder: $written"
ok "nothing written into $bundle"

echo "smoke: $passed passed, 0 failed"
