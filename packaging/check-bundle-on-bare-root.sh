#!/usr/bin/env bash
# The .deb on a bare Debian 12 with no Python: apt installs it (and the system
# libraries it declares), `salon-desk --demo` must reach the demo shop's login
# screen on a real X display (a host Xvfb); the screenshot is kept as
# dist/bundle-login.png. Fails when it does not; skips (one line) only where
# debootstrap cannot run.
#
#   bash packaging/build-linux.sh && bash packaging/check-bundle-on-bare-root.sh
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BARE_STEP=bundle-on-bare-root
source "$REPO/.ci/bare-root.sh"
mkdir -p "$BARE_CACHE"
trap bare_cleanup EXIT
trap "exit 124" INT TERM     # a timeout still unmounts and removes the root
SECONDS=0
DEB=$(ls -t "$REPO"/dist/salon-desk_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || { echo "$BARE_STEP: no dist/salon-desk_*.deb: run packaging/build-linux.sh first"; exit 1; }

bare_host_tools
bare_root bare-minbase ""
if bare_run sh -c 'command -v python3 || command -v python' >/dev/null; then
    echo "$BARE_STEP: FAILED: the bare root has a Python"; exit 1
fi
cp "$DEB" "$BARE_ROOT/tmp/"
bare_log $BARE_STEP "apt-get install ./$(basename "$DEB") on a root without Python"
if ! bare_run sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/$(basename "$DEB")" \
        >"$BARE_CACHE/bundle-install.log" 2>&1; then
    tail -20 "$BARE_CACHE/bundle-install.log"; echo "$BARE_STEP: FAILED: the package does not install"; exit 1
fi
if bare_run sh -c 'command -v python3 || command -v python' >/dev/null; then
    echo "$BARE_STEP: FAILED: installing the package brought a Python"; exit 1
fi

bare_display
BARE_ENV+=(DISPLAY=$BARE_DISPLAY)
LOG="$BARE_CACHE/bundle-start.log"
bare_log $BARE_STEP "salon-desk --demo"
STARTED=$SECONDS
bare_run timeout 300 salon-desk --demo >"$LOG" 2>&1 &
PID=$!
BARE_PIDS+=($PID)
if ! WINDOW=$(bare_wait_window "登录 — " 300 "$PID"); then
    tail -30 "$LOG"; echo "$BARE_STEP: FAILED: the application did not reach the login screen"; exit 1
fi
bare_log $BARE_STEP "login screen after $((SECONDS - STARTED))s (the demo shop built on first start)"
sleep 1
mkdir -p "$REPO/dist"
DISPLAY=$BARE_DISPLAY import -window root "$REPO/dist/bundle-login.png"
bare_escape "$WINDOW"
if ! wait "$PID"; then tail -30 "$LOG"; echo "$BARE_STEP: FAILED: it did not end cleanly"; exit 1; fi
grep -q Traceback "$LOG" && { tail -30 "$LOG"; echo "$BARE_STEP: FAILED: a traceback"; exit 1; }
bare_log $BARE_STEP "passed: '$(basename "$DEB")' reached the login screen with no Python (dist/bundle-login.png) in ${SECONDS}s"
