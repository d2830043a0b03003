#!/usr/bin/env bash
# Builds the Tumen container image on a machine without a registry (see ../shared/containers.md):
#   1. release binaries on the host: swift build -c release --static-swift-stdlib (scratch path .build-static),
#   2. the base image localhost/tumen-base:bookworm with debootstrap, when it does not exist yet,
#   3. the image localhost/tumen:latest from Containerfile (the four services; the tumen CLI stays on the host).
# Installs podman, runc, debootstrap and podman-compose when missing (as root, Debian). Safe to run again: each
# step does only what is not already done (swift build and podman build are incremental).
#
# Environment: TUMEN_IMAGE (default localhost/tumen:latest), TUMEN_BASE_IMAGE (default localhost/tumen-base:bookworm),
#              TUMEN_SCRATCH_PATH (default .build-static), TUMEN_REBUILD_BASE=1 to rebuild the base image.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
image=${TUMEN_IMAGE:-localhost/tumen:latest}
base_image=${TUMEN_BASE_IMAGE:-localhost/tumen-base:bookworm}
scratch=${TUMEN_SCRATCH_PATH:-.build-static}
stage=.build-static/image   # fixed: the only path .dockerignore lets into the build context
services=(tumen-storage tumen-ingest tumen-analysis tumen-reporting)
# What the services load at run time besides glibc and libstdc++: the base image must have these packages.
base_packages=libzmq5,libsqlite3-0,ca-certificates

say() { printf 'build-images: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
started=$SECONDS
step_started=$SECONDS
timing() { say "$1 took $((SECONDS - step_started)) s"; step_started=$SECONDS; }

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v debootstrap >/dev/null || missing+=(debootstrap)
pkg-config --exists libzmq 2>/dev/null || missing+=(libzmq3-dev pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v podman-compose >/dev/null; then
    say "installing podman-compose 1.6.0 from PyPI"
    python3 -m pip install --quiet podman-compose==1.6.0 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages podman-compose==1.6.0
    hash -r
fi
# Nested-container sandbox: no rlimits, runc instead of crun. Only written when there is no configuration yet.
if [ ! -e /etc/containers/containers.conf ]; then
    say "writing /etc/containers/containers.conf (default_ulimits = [], runtime = runc)"
    $sudo mkdir -p /etc/containers
    printf '[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"\n' \
        | $sudo tee /etc/containers/containers.conf >/dev/null
fi
command -v swift >/dev/null || die "Swift 6.1 or later is required (https://swift.org/install)"
timing "checking tools"

# --- 1. release binaries ---------------------------------------------------------------------------------------------
say "building release binaries (swift build -c release --static-swift-stdlib --scratch-path $scratch)"
build_log=$(mktemp /tmp/tumen-build.XXXXXX)
for attempt in 1 2 3; do
    if swift build -c release --static-swift-stdlib --scratch-path "$scratch" 2>&1 | tee "$build_log" >&2; then break; fi
    # Sources edited while the compiler read them (someone saving a file) is worth another try; nothing else is.
    if [ "$attempt" -lt 3 ] && grep -q 'was modified during the build' "$build_log"; then
        say "a source file changed during the build; building again ($((attempt + 1))/3)"
        continue
    fi
    rm -f "$build_log"
    die "swift build -c release --static-swift-stdlib failed (see the compiler output above)"
done
rm -f "$build_log"
bin_dir=$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)
for b in "${services[@]}" tumen; do
    [ -x "$bin_dir/$b" ] || die "release build did not produce $bin_dir/$b (see the compiler output above)"
done
timing "swift build"

# Stage exactly what the image needs: stripped binaries and the resource bundles they load (Bundle.module looks
# next to the executable). Only this directory is sent to podman build (see .dockerignore).
rm -rf "$stage"
mkdir -p "$stage/bin"
for b in "${services[@]}"; do
    cp "$bin_dir/$b" "$stage/bin/$b"
    strip --strip-unneeded "$stage/bin/$b" 2>/dev/null || true
done
for bundle in "$bin_dir"/*.resources; do
    [ -e "$bundle" ] && cp -R "$bundle" "$stage/bin/"
done
say "staged $(du -sh "$stage" | cut -f1) in $stage"

# --- 2. base image --------------------------------------------------------------------------------------------------
base_label() { podman image inspect --format '{{index .Labels "tumen.base.packages"}}' "$base_image" 2>/dev/null || true; }
if [ "${TUMEN_REBUILD_BASE:-0}" = 1 ] || ! podman image exists "$base_image" \
    || { [[ $base_image == localhost/* ]] && [ "$(base_label)" != "$base_packages" ]; }; then
    case "$base_image" in
    localhost/*) ;;
    *) die "$base_image is not present and is not a localhost/ image this script can make; pull it or set TUMEN_BASE_IMAGE" ;;
    esac
    say "creating base image $base_image with debootstrap (Debian bookworm, minbase + $base_packages)"
    mirror=""
    [ -f /etc/apt/sources.list.d/debian.sources ] \
        && mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    [ -n "$mirror" ] || [ ! -f /etc/apt/sources.list ] \
        || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    previous_base=$(podman image inspect --format '{{.Id}}' "$base_image" 2>/dev/null || true)
    rootfs=$(mktemp -d /tmp/tumen-rootfs.XXXXXX)
    trap '$sudo rm -rf "$rootfs"' EXIT
    $sudo debootstrap --variant=minbase --include="$base_packages" bookworm "$rootfs" "$mirror" \
        > "$rootfs.log" 2>&1 || { tail -20 "$rootfs.log" >&2; die "debootstrap failed (log: $rootfs.log)"; }
    # Smaller image: no apt lists, caches, docs or man pages.
    $sudo rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
        "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
    $sudo tar -C "$rootfs" -c . \
        | podman import --quiet --message "debootstrap bookworm minbase + $base_packages" \
            --change "LABEL tumen.base.packages=$base_packages" - "$base_image" >/dev/null
    $sudo rm -rf "$rootfs" "$rootfs.log"
    trap - EXIT
    # The replaced base goes too, unless an image still builds on it (then podman keeps it).
    [ -z "$previous_base" ] || podman rmi "$previous_base" >/dev/null 2>&1 || true
    timing "base image"
else
    say "base image $base_image exists (TUMEN_REBUILD_BASE=1 rebuilds it)"
fi

# --- 3. the Tumen image ---------------------------------------------------------------------------------------------
say "building $image from Containerfile (BASE_IMAGE=$base_image)"
previous=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
podman build --quiet --pull=never --build-arg BASE_IMAGE="$base_image" --build-arg BIN_DIR="$stage/bin" \
    -f Containerfile -t "$image" "$root" >/dev/null
# The services must find every library they link in the image (the host's ldd proves nothing about it).
unresolved=$(podman run --rm --entrypoint /bin/sh "$image" -c 'ldd /usr/local/bin/tumen-* | grep "not found"' || true)
[ -z "$unresolved" ] || die "in $image the services need libraries it lacks:
$unresolved"
# The image this one replaces is now untagged: remove it (only it) so rebuilds do not pile up.
current=$(podman image inspect --format '{{.Id}}' "$image")
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then
    podman rmi "$previous" >/dev/null 2>&1 || true
fi
timing "podman build"
say "built $image ($(podman image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}')) in $((SECONDS - started)) s"
