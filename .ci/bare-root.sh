# Sourced by .ci/bare-machine and packaging/check-bundle-on-bare-root.sh:
# a minimal Debian 12 root made with debootstrap, cached as a tarball under
# /var/cache, unpacked fresh for every run, with the build machine's CA bundle
# and pip configuration copied in (into the root only: the product never sees
# them), and a host Xvfb display the root can draw on.

BARE_CACHE=${BARE_CACHE:-/var/cache/salon-desk-ci}
BARE_SUITE=bookworm
BARE_MIRROR=${BARE_MIRROR:-http://deb.debian.org/debian}
BARE_ROOTS=()
BARE_MOUNTS=()
BARE_PIDS=()

bare_log() { echo "[$1 +$((SECONDS))s] ${*:2}"; }

# Leave without failing: only when debootstrap genuinely cannot run here.
bare_skip() { echo "$BARE_STEP: SKIPPED: $*"; exit 0; }

bare_host_tools() {
    [ "$(uname -s)" = Linux ] || bare_skip "debootstrap needs Linux (this is $(uname -s))"
    [ "$(id -u)" = 0 ] || bare_skip "debootstrap and chroot need root"
    command -v apt-get >/dev/null || bare_skip "no apt-get on this machine to install debootstrap"
    local need=()
    command -v debootstrap >/dev/null || need+=(debootstrap)
    command -v Xvfb >/dev/null || need+=(xvfb)
    command -v xdotool >/dev/null || need+=(xdotool)
    command -v import >/dev/null || need+=(imagemagick)
    if [ ${#need[@]} -gt 0 ]; then
        bare_log "$BARE_STEP" "installing on the host: ${need[*]}"
        { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"; } \
            >"$BARE_CACHE/host-apt.log" 2>&1 \
            || { tail -5 "$BARE_CACHE/host-apt.log"; bare_skip "cannot install ${need[*]} on the host"; }
    fi
}

# bare_tarball NAME PACKAGES: sets BARE_TARBALL, the cached minbase root with PACKAGES (comma list or "").
bare_tarball() {
    local name=$1 include=$2 tarball="$BARE_CACHE/$1.tar"
    if [ ! -s "$tarball" ]; then
        local build="$BARE_CACHE/build-$name.$$"
        rm -rf "$build"
        bare_log "$BARE_STEP" "debootstrap $BARE_SUITE ($name${include:+: $include}), cached as $tarball"
        if ! debootstrap --variant=minbase ${include:+--include="$include"} "$BARE_SUITE" "$build" "$BARE_MIRROR" \
                >"$BARE_CACHE/debootstrap-$name.log" 2>&1; then
            tail -5 "$BARE_CACHE/debootstrap-$name.log"
            umount -R "$build/proc" "$build/dev" 2>/dev/null || true
            rm -rf "$build"
            if grep -q "Couldn't download\|Failed getting release file\|Temporary failure\|Could not resolve" \
                    "$BARE_CACHE/debootstrap-$name.log"; then
                bare_skip "debootstrap cannot reach the Debian mirror $BARE_MIRROR"
            fi
            echo "$BARE_STEP: debootstrap failed (log: $BARE_CACHE/debootstrap-$name.log)"
            exit 1
        fi
        rm -rf "$build/var/cache/apt/archives/"*.deb
        tar -C "$build" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
        rm -rf "$build"
    fi
    BARE_TARBALL=$tarball
}

bare_mount() { mount "$@"; BARE_MOUNTS+=("${@: -1}"); }

# bare_root NAME PACKAGES: sets BARE_ROOT, a fresh root unpacked from the cached tarball.
bare_root() {
    bare_tarball "$1" "$2"
    BARE_ROOT=$(mktemp -d /var/tmp/salon-desk-bare.XXXXXX)
    BARE_ROOTS+=("$BARE_ROOT")
    tar -C "$BARE_ROOT" -xf "$BARE_TARBALL"
    chroot "$BARE_ROOT" /bin/true || bare_skip "chroot is not permitted on this machine"
    bare_mount -t proc proc "$BARE_ROOT/proc" || bare_skip "cannot mount /proc in a root on this machine"
    bare_mount --bind /dev "$BARE_ROOT/dev"
    bare_mount -t tmpfs tmpfs "$BARE_ROOT/tmp"
    mkdir -p /tmp/.X11-unix "$BARE_ROOT/tmp/.X11-unix" "$BARE_CACHE/apt-archives/partial" "$BARE_CACHE/pip-cache"
    chmod 1777 /tmp/.X11-unix
    bare_mount --bind /tmp/.X11-unix "$BARE_ROOT/tmp/.X11-unix"
    # Download caches only: what gets installed is decided in the root, as on a bare machine.
    bare_mount --bind "$BARE_CACHE/apt-archives" "$BARE_ROOT/var/cache/apt/archives"
    mkdir -p "$BARE_ROOT/root/.cache/pip"
    bare_mount --bind "$BARE_CACHE/pip-cache" "$BARE_ROOT/root/.cache/pip"
    cp /etc/resolv.conf "$BARE_ROOT/etc/resolv.conf" 2>/dev/null || true
    bare_registry_config
}

# The build machine reaches the registries through its own CA and pip configuration.
bare_registry_config() {
    local file
    BARE_ENV=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb)
    for file in /etc/ssl/certs/ca-certificates.crt "${SSL_CERT_FILE:-}" "${REQUESTS_CA_BUNDLE:-}" \
                "${PIP_CERT:-}" "${CURL_CA_BUNDLE:-}" "${PIP_CONFIG_FILE:-}" /etc/pip.conf \
                /root/.config/pip/pip.conf /root/.pip/pip.conf /etc/xdg/pip/pip.conf /etc/xdg/pip/constraints.txt; do
        [ -n "$file" ] && [ -f "$file" ] || continue
        mkdir -p "$BARE_ROOT$(dirname "$file")"
        cp -L "$file" "$BARE_ROOT$file"
    done
    # pip's own configuration may name more files (a constraint or a certificate).
    if command -v pip >/dev/null; then
        while IFS= read -r file; do
            [ -f "$file" ] || continue
            mkdir -p "$BARE_ROOT$(dirname "$file")"
            cp -L "$file" "$BARE_ROOT$file"
        done < <(pip config list 2>/dev/null | sed -n "s/^[^=]*\.\(cert\|constraint\|client-cert\)='\(.*\)'$/\2/p")
    fi
    local var
    for var in $(compgen -e); do
        case "$var" in
            PIP_*|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY)
                BARE_ENV+=("$var=${!var}") ;;
        esac
    done
}

# bare_run COMMAND...: run a shell command line in the root as root, with a clean environment.
bare_run() { chroot "$BARE_ROOT" /usr/bin/env -i "${BARE_ENV[@]}" "$@"; }

# bare_display: a host Xvfb on a free display number; sets BARE_DISPLAY.
bare_display() {
    local n
    for n in $(seq 91 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$BARE_CACHE/xvfb-$n.log" 2>&1 &
    BARE_PIDS+=($!)
    BARE_DISPLAY=":$n"
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && return 0; sleep 0.1; done
    echo "$BARE_STEP: Xvfb did not start"; exit 1
}

# bare_wait_window PATTERN SECONDS PID: wait until a window whose name matches PATTERN shows; its id.
bare_wait_window() {
    local pattern=$1 seconds=$2 pid=$3 id
    for _ in $(seq "$((seconds * 2))"); do
        id=$(DISPLAY=$BARE_DISPLAY xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -1) || true
        [ -n "$id" ] && { echo "$id"; return 0; }
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.5
    done
    return 1
}

# bare_escape WINDOW: press Escape on the login window (found again if it was replaced meanwhile).
bare_escape() {
    local id=$1
    for _ in 1 2 3 4 5; do
        DISPLAY=$BARE_DISPLAY xdotool windowactivate --sync "$id" key --clearmodifiers Escape 2>/dev/null && return 0
        DISPLAY=$BARE_DISPLAY xdotool key --window "$id" Escape 2>/dev/null && return 0
        sleep 1
        id=$(DISPLAY=$BARE_DISPLAY xdotool search --onlyvisible --name "登录 — " 2>/dev/null | head -1) || true
    done
    return 1
}

bare_cleanup() {
    local pid mount i
    for pid in "${BARE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for ((i = ${#BARE_MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${BARE_MOUNTS[$i]}" 2>/dev/null || true; done
    for root in "${BARE_ROOTS[@]}"; do
        # never remove through a mount that is still there
        if ! grep -q " $root/" /proc/mounts; then rm -rf "$root"; fi
    done
}
