#!/usr/bin/env bash
# The Linux application: a PyInstaller one-folder bundle (dist/salon-desk/),
# the same as dist/salon-desk-linux.tar.gz, and a .deb (dist/salon-desk_VERSION_amd64.deb)
# that installs it in /opt/salon-desk with a menu entry and declares the
# system libraries Qt needs (salon_desk/ui/qt_check.py), so apt brings them.
#
#   pip install -e ".[package]" && bash packaging/build-linux.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
cd "$ROOT"
SECONDS=0

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/salon-desk.spec
echo "build-linux: bundle dist/salon-desk ($(du -sh dist/salon-desk | cut -f1)) in ${SECONDS}s"
tar -C dist -cf - salon-desk | gzip -1 > dist/salon-desk-linux.tar.gz

VERSION=$("$PYTHON" -c "import salon_desk; print(salon_desk.__version__)")
DEPENDS=$("$PYTHON" -c "from salon_desk.ui.qt_check import DEBIAN_PACKAGES; print(', '.join(DEBIAN_PACKAGES))")
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
STAGE=build/deb/salon-desk
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications"
cp -a dist/salon-desk "$STAGE/opt/salon-desk"
cat > "$STAGE/usr/bin/salon-desk" <<'SH'
#!/bin/sh
exec /opt/salon-desk/salon-desk "$@"
SH
chmod 755 "$STAGE/usr/bin/salon-desk"
cp packaging/salon-desk.desktop "$STAGE/usr/share/applications/salon-desk.desktop"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: salon-desk
Version: $VERSION
Architecture: $ARCH
Maintainer: salon-desk <salon-desk@localhost>
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: $DEPENDS
Section: misc
Priority: optional
Description: counter and customer file of a beauty and hair salon
 Check-in, services and technicians, checkout with member discounts and
 points, receipts, and the owner's monthly report, on a local shop file.
 Python and Qt are inside; the package brings the system libraries Qt needs.
CONTROL
DEB="dist/salon-desk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$STAGE" "$DEB" >/dev/null
echo "build-linux: $DEB ($(du -sh "$DEB" | cut -f1)) and dist/salon-desk-linux.tar.gz in ${SECONDS}s"
