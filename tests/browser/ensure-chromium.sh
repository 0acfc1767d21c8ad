#!/usr/bin/env sh
# Makes sure the browser tests have a Chromium: $CKG_CHROMIUM, else Debian's `chromium`, installed here
# with apt-get (with chromium-driver) when it is missing and apt-get can run. Never downloads a
# browser build of its own. Without one it fails, saying what to do: a missing browser must not turn
# into skipped tests. CKG_SKIP_BROWSER=1 is the explicit opt-out (the browser tests are then skipped,
# each saying so).
set -eu

if [ "${CKG_SKIP_BROWSER:-}" = "1" ]; then
    echo "CKG_SKIP_BROWSER=1: no Chromium needed, the browser tests will be skipped." >&2
    exit 0
fi
if [ -n "${CKG_CHROMIUM:-}" ]; then
    [ -x "$CKG_CHROMIUM" ] && exit 0
    echo "CKG_CHROMIUM=$CKG_CHROMIUM is not an executable file." >&2
    exit 1
fi
command -v chromium >/dev/null 2>&1 && exit 0

if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
    if [ "$SUDO" != "none" ]; then
        echo "Installing Debian's chromium and chromium-driver for the browser tests (apt-get)..."
        if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; then
            exit 0
        fi
    fi
fi
echo "No Chromium for the browser tests and none could be installed: install Debian's chromium, set CKG_CHROMIUM=/path/to/chromium, or set CKG_SKIP_BROWSER=1 to skip the browser tests on purpose." >&2
exit 1
