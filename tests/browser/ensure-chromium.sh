#!/usr/bin/env sh
# Makes sure the browser tests have a Chromium: $CKG_CHROMIUM, else Debian's `chromium`, installed here
# with apt-get (with chromium-driver) when it is missing and apt-get can run. Never downloads a
# browser build of its own. Exits 0 even without one: the tests then fail on CI and skip elsewhere.
set -eu

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
echo "No Chromium for the browser tests: install Debian's chromium, or set CKG_CHROMIUM=/path/to/chromium (they fail on CI without it and are skipped elsewhere)." >&2
