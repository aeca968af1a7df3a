#!/usr/bin/env bash
# Drives `journeylab serve` through Salesforce's Python SDK (PyPI: salesforce-fuelsdk-sans).
#
#   Tests/SDK/run-fuelsdk.sh <path-to-journeylab-binary>
#
# Installs the SDK into a virtual environment (reused when it already has it), starts the
# emulator on a free port over a new workspace with a scripts app, runs fuelsdk_check.py,
# stops the emulator and exits with the check's status. See README.md beside this file.
#
# Environment:
#   JOURNEYLAB_SDK_VENV      the virtual environment (default: ${TMPDIR:-/tmp}/journeylab-fuelsdk-venv)
#   JOURNEYLAB_FUELSDK_SPEC  what pip installs (default: salesforce-fuelsdk-sans==1.3.1, the version checked)
#   PYTHON                   the Python that makes the environment (default: python3)

# shellcheck disable=SC2317 # stop_server, show_server_log and on_exit run from the EXIT trap
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="run-fuelsdk"

die() {
    echo "$name: $*" >&2
    exit 1
}

[ $# -eq 1 ] || die "usage: Tests/SDK/run-fuelsdk.sh <path-to-journeylab-binary>"
binary="$1"
if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then die "$binary is not an executable file"; fi
case "$binary" in */*) ;; *) binary="./$binary" ;; esac

tmp_root="${TMPDIR:-/tmp}"
python="${PYTHON:-python3}"
spec="${JOURNEYLAB_FUELSDK_SPEC:-salesforce-fuelsdk-sans==1.3.1}"
venv="${JOURNEYLAB_SDK_VENV:-$tmp_root/journeylab-fuelsdk-venv}"

# --- The SDK, in its own virtual environment --------------------------------------------------

# Reused when it imports FuelSDK and holds the version asked for.
venv_has_sdk() {
    [ -x "$venv/bin/python" ] || return 1
    "$venv/bin/python" - "$spec" <<'EOF' >/dev/null 2>&1
import sys
from importlib import metadata
spec = sys.argv[1]
installed = metadata.version("salesforce-fuelsdk-sans")
if "==" in spec and installed != spec.split("==", 1)[1].strip():
    sys.exit(1)
import FuelSDK  # noqa: F401
EOF
}

if venv_has_sdk; then
    echo "$name: reusing $venv ($("$venv/bin/python" -c 'import FuelSDK; print("FuelSDK", FuelSDK.__version__)'))"
else
    command -v "$python" >/dev/null 2>&1 || die "no $python to make a virtual environment with (set PYTHON)"
    echo "$name: installing $spec into $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv" ||
        die "could not make a virtual environment at $venv with $python -m venv (on Debian: apt-get install python3-venv)"
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet "$spec" ||
        die "pip could not install $spec into $venv: the FuelSDK check cannot run"
    venv_has_sdk || die "$venv still cannot import FuelSDK after installing $spec"
fi

# --- The emulator -------------------------------------------------------------------------------

work="$(mktemp -d "$tmp_root/journeylab-fuelsdk.XXXXXX")"
server_pid=""
client_id="fuelsdk-check-client"
client_secret="fuelsdk-check-secret-$$-$RANDOM"

stop_server() {
    [ -n "$server_pid" ] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -INT "$server_pid" 2>/dev/null || true
        local deadline=$((SECONDS + 10)) # to stop, then it is killed
        while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$server_pid" 2>/dev/null; do
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "$name: the emulator did not stop on SIGINT within 10 s: killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

show_server_log() {
    echo "---- emulator stdout ($binary serve) ----" >&2
    cat "$work/server.out" >&2 2>/dev/null || true
    echo "---- emulator stderr ----" >&2
    cat "$work/server.err" >&2 2>/dev/null || true
    echo "----" >&2
}

on_exit() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    if [ "$status" -ne 0 ] && [ -f "$work/server.out" ]; then show_server_log; fi
    rm -rf "$work"
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

JOURNEYLAB_CLIENT_ID="$client_id" JOURNEYLAB_CLIENT_SECRET="$client_secret" \
    "$binary" serve --port 0 --workspace "$work/workspace.sqlite" </dev/null >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

ready=""
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ]; do
    if grep -qF "Press Ctrl-C to stop." "$work/server.out" 2>/dev/null; then
        ready=yes
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || die "the emulator exited before it was ready"
    sleep 0.1
done
[ -n "$ready" ] || die "the emulator did not print \"Press Ctrl-C to stop.\" within 60 s"

base_url="$(sed -n 's|^JourneyLab emulator on \(http://[^ ]*\) (workspace .*|\1|p' "$work/server.out" | head -n 1)"
[ -n "$base_url" ] || die "no \"JourneyLab emulator on http://… (workspace …)\" line in the emulator's output"
echo "$name: emulator at $base_url"

# --- The check ------------------------------------------------------------------------------------

# In the temporary folder: FuelSDK reads ./config.python and writes ./soap_cache_file.json, and
# suds caches the WSDL under TMPDIR.
status=0
(cd "$work" && TMPDIR="$work" "$venv/bin/python" "$here/fuelsdk_check.py" \
    --base-url "$base_url" --client-id "$client_id" --client-secret "$client_secret" \
    --wsdl "$here/ExactTargetWSDL.xml") || status=$?

stop_server
if [ "$status" -ne 0 ]; then
    echo "$name: FAILED (fuelsdk_check.py exited $status)" >&2
else
    echo "$name: passed"
fi
exit "$status"
