#!/usr/bin/env bash
# Fuzzes `journeylab serve` with schemathesis (PyPI) from the emulator's own /openapi.json.
#
#   Tests/Fuzz/run-schemathesis.sh <path-to-journeylab-binary>
#
# Installs schemathesis into a virtual environment (reused when it already has the version),
# starts the emulator on a free port over a new workspace with a scripts app, fetches a token,
# and runs every operation with a fixed seed: about 4,000 generated requests. Fails on any 5xx,
# a reply that breaks the document's response schema, an undocumented status code or content
# type, or a crash. Requests the document and the server disagree on (valid ones refused,
# invalid ones accepted) are reported by schemathesis's other checks, which this run leaves out.
#
# Environment:
#   JOURNEYLAB_FUZZ_VENV          the virtual environment (default: ${TMPDIR:-/tmp}/journeylab-schemathesis-venv)
#   JOURNEYLAB_SCHEMATHESIS_SPEC  what pip installs (default: schemathesis==4.32.5, the version checked)
#   JOURNEYLAB_FUZZ_EXAMPLES      requests per operation and phase (default: 30)
#   PYTHON                        the Python that makes the environment (default: python3)

# shellcheck disable=SC2317 # stop_server and on_exit run from the EXIT trap
set -euo pipefail

name="run-schemathesis"
die() {
    echo "$name: $*" >&2
    exit 1
}

[ $# -eq 1 ] || die "usage: Tests/Fuzz/run-schemathesis.sh <path-to-journeylab-binary>"
binary="$1"
if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then die "$binary is not an executable file"; fi
case "$binary" in */*) ;; *) binary="./$binary" ;; esac

tmp_root="${TMPDIR:-/tmp}"
python="${PYTHON:-python3}"
spec="${JOURNEYLAB_SCHEMATHESIS_SPEC:-schemathesis==4.32.5}"
venv="${JOURNEYLAB_FUZZ_VENV:-$tmp_root/journeylab-schemathesis-venv}"
examples="${JOURNEYLAB_FUZZ_EXAMPLES:-30}"

# --- schemathesis, in its own virtual environment ------------------------------------------------

venv_has_tool() {
    [ -x "$venv/bin/schemathesis" ] || return 1
    "$venv/bin/python" - "$spec" <<'PY' >/dev/null 2>&1
import sys
from importlib import metadata
spec = sys.argv[1]
if "==" in spec and metadata.version("schemathesis") != spec.split("==", 1)[1].strip():
    sys.exit(1)
PY
}

if venv_has_tool; then
    echo "$name: reusing $venv"
else
    command -v "$python" >/dev/null 2>&1 || die "no $python to make a virtual environment with (set PYTHON)"
    echo "$name: installing $spec into $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv" ||
        die "could not make a virtual environment at $venv with $python -m venv (on Debian: apt-get install python3-venv)"
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet "$spec" ||
        die "pip could not install $spec into $venv: the fuzzer cannot run"
    venv_has_tool || die "$venv still has no schemathesis after installing $spec"
fi

# --- The emulator -------------------------------------------------------------------------------

work="$(mktemp -d "$tmp_root/journeylab-fuzz.XXXXXX")"
server_pid=""
client_id="fuzz-client"
client_secret="fuzz-secret-$$-$RANDOM"

stop_server() {
    [ -n "$server_pid" ] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -INT "$server_pid" 2>/dev/null || true
        local deadline=$((SECONDS + 10))
        while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$server_pid" 2>/dev/null; do sleep 0.1; done
        kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

on_exit() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    if [ "$status" -ne 0 ] && [ -f "$work/server.out" ]; then
        echo "---- emulator output ($binary serve) ----" >&2
        cat "$work/server.out" "$work/server.err" >&2 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

JOURNEYLAB_CLIENT_ID="$client_id" JOURNEYLAB_CLIENT_SECRET="$client_secret" \
    "$binary" serve --port 0 --log-level warning --workspace "$work/workspace.sqlite" \
    </dev/null >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

deadline=$((SECONDS + 60))
until grep -qF "Press Ctrl-C to stop." "$work/server.out" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || die "the emulator exited before it was ready"
    [ "$SECONDS" -lt "$deadline" ] || die "the emulator did not print \"Press Ctrl-C to stop.\" within 60 s"
    sleep 0.1
done
base_url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.out" | head -n 1)"
[ -n "$base_url" ] || die "no emulator URL in its output"
echo "$name: emulator at $base_url"

token="$(curl -sf -X POST "$base_url/v2/token" -H 'Content-Type: application/json' \
    -d "{\"grant_type\":\"client_credentials\",\"client_id\":\"$client_id\",\"client_secret\":\"$client_secret\"}" |
    "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')" ||
    die "could not fetch a token from $base_url/v2/token"

# --- The fuzzer -----------------------------------------------------------------------------------

status=0
"$venv/bin/schemathesis" run "$base_url/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "$examples" --seed 20261208 --workers 1 --no-color || status=$?

kill -0 "$server_pid" 2>/dev/null || die "the emulator is no longer running after the fuzzer: it crashed"
stop_server
[ "$status" -eq 0 ] || die "FAILED (schemathesis exited $status)"
echo "$name: passed"
