#!/bin/sh
# Run the built bundle as a colleague would, with no user state: `desk --version`,
# `desk check` (spelling suggestions from the prebuilt index) and `desk screenshot`
# offscreen; then check that the PNG shows a window, that the bundle built no spelling
# index in the user's cache, and that it wrote nothing into its own folder.
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

# No user state: a fresh home, XDG folders, library; nothing of the caller's environment
# but PATH (the bundle needs no Python on it) and a UTF-8 locale.
run() {
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" \
        XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" \
        XDG_RUNTIME_DIR="$tmp/runtime" DESK_DB="$tmp/library.db" QT_QPA_PLATFORM=offscreen "$@"
}
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"

want=$("$python" -c 'import desk; print("desk", desk.__version__)')
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

run "$desk" screenshot "$tmp/shot.png" >/dev/null 2>"$tmp/screenshot.err" \
    || { cat "$tmp/screenshot.err" >&2; fail "desk screenshot exited non-zero"; }
"$python" - "$tmp/shot.png" <<'EOF' || fail "the screenshot is missing or blank"
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
assert not image.isNull(), "not a PNG Qt can read"
assert (image.width(), image.height()) == (1440, 900), (image.width(), image.height())
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
assert len(colours) >= 20, f"{len(colours)} colours: blank"
print(f"smoke: the screenshot is {image.width()}x{image.height()} with {len(colours)} colours")
EOF
ok "desk screenshot wrote a window"

index=$(find "$tmp" -name 'spelling-index-*' | head -n 1)
[ -z "$index" ] || fail "the bundle built a spelling index at $index instead of using its own"
ok "no spelling index built in the user's cache"

written=$(find "$bundle" -newer "$marker" | head -n 5)
[ -z "$written" ] || fail "the bundle wrote into its own folder: $written"
ok "nothing written into $bundle"

echo "smoke: $passed passed, 0 failed"
