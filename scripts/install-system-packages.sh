#!/bin/sh
# The system libraries Qt (PySide6) needs, on Debian and Ubuntu.
#
#   sh scripts/install-system-packages.sh
#
# Installs what is missing with apt-get when run as root, or through sudo;
# otherwise prints the exact command to run and exits 1. On Windows and macOS
# nothing is needed; on other Linux systems it names the libraries to install.
# salon_desk/ui/qt_check.py keeps the same list (a test compares them).
set -eu

# Importing Qt (and so the tests): libglib2.0-0 libgl1 libegl1 libxkbcommon0
# libdbus-1-3 libfontconfig1. A real window (Qt's xcb platform) also needs the rest.
PACKAGES="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libdbus-1-3 libfontconfig1
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libxcb-render0 libxcb-util1"
PACKAGES=$(echo $PACKAGES)

case "$(uname -s)" in
    Linux) ;;
    *) echo "salon-desk: $(uname -s) needs no system packages"; exit 0 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "salon-desk: not Debian or Ubuntu: install your system's packages of these libraries: $PACKAGES" >&2
    exit 0
fi

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "salon-desk: the system libraries Qt needs are installed"
    exit 0
fi

install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
echo "salon-desk: installing the system libraries Qt needs:$missing"
if [ "$(id -u)" = 0 ]; then
    sh -c "$install"
elif command -v sudo >/dev/null 2>&1 && sudo sh -c "$install"; then
    :
else
    echo "salon-desk: run this as root (or with sudo), then the command again:" >&2
    echo "sudo sh -c '$install'" >&2
    exit 1
fi
