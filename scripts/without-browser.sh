#!/usr/bin/env bash
# Run a command on this machine as a newcomer's machine would be: with no Chromium installed.
# A private mount namespace gets copy-on-write /usr, /etc and /var (overlayfs, upper layers in a
# temp dir), Debian's chromium packages are removed in there, and the command runs inside; the
# real system, and everyone else using it, never see a change. Needs root, unshare and overlayfs.
#   scripts/without-browser.sh pnpm test
#   scripts/without-browser.sh --can     # exit 0 when this machine can do it
set -euo pipefail
if [ "$#" -eq 0 ]; then echo "usage: scripts/without-browser.sh <command> [args…] | --can" >&2; exit 2; fi
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v dpkg-query >/dev/null \
  || ! grep -qw overlay /proc/filesystems || ! unshare --mount true 2>/dev/null; then
  [ "$1" = --can ] || echo "without-browser: needs root on Debian, unshare and overlayfs" >&2
  exit 2
fi
if [ "$1" = --can ]; then exit 0; fi
layers=$(mktemp -d /tmp/albkit-no-browser-XXXXXX)
trap 'rm -rf "$layers"' EXIT
export ALBKIT_LAYERS="$layers"
# and no Playwright cache either (a download, if it comes to that, lands in the throwaway layers)
export PLAYWRIGHT_BROWSERS_PATH="$layers/playwright"
unshare --mount --propagation private bash -euo pipefail -c '
  for d in usr etc var; do
    mkdir -p "$ALBKIT_LAYERS/$d/upper" "$ALBKIT_LAYERS/$d/work"
    mount -t overlay overlay -o "lowerdir=/$d,upperdir=$ALBKIT_LAYERS/$d/upper,workdir=$ALBKIT_LAYERS/$d/work" "/$d"
  done
  installed=$(dpkg-query -W -f="\${Package} " chromium chromium-common 2>/dev/null || true)
  if [ -n "$installed" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq $installed >/dev/null
  fi
  for b in chromium chromium-browser google-chrome-stable google-chrome chrome; do
    if command -v "$b" >/dev/null; then echo "without-browser: $b is still on PATH" >&2; exit 2; fi
  done
  echo "without-browser: no Chromium here (removed: ${installed:-nothing}); running: $*"
  exec "$@"
' without-browser "$@"
