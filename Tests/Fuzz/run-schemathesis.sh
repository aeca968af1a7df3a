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

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="run-schemathesis"
# shellcheck source=../Support/emulator.sh
source "$here/../Support/emulator.sh"

[ $# -eq 1 ] || die "usage: Tests/Fuzz/run-schemathesis.sh <path-to-journeylab-binary>"
binary="$1"
if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then die "$binary is not an executable file"; fi
case "$binary" in */*) ;; *) binary="./$binary" ;; esac

tmp_root="${TMPDIR:-/tmp}"
python="${PYTHON:-python3}"
spec="${JOURNEYLAB_SCHEMATHESIS_SPEC:-schemathesis==4.32.5}"
venv="${JOURNEYLAB_FUZZ_VENV:-$tmp_root/journeylab-schemathesis-venv}"
examples="${JOURNEYLAB_FUZZ_EXAMPLES:-30}"

ensure_venv schemathesis "$spec"

work="$(mktemp -d "$tmp_root/journeylab-fuzz.XXXXXX")"
client_id="fuzz-client"
client_secret="fuzz-secret-$$-$RANDOM"
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_emulator --log-level warning

token="$(curl -sf -X POST "$base_url/v2/token" -H 'Content-Type: application/json' \
    -d "{\"grant_type\":\"client_credentials\",\"client_id\":\"$client_id\",\"client_secret\":\"$client_secret\"}" |
    "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')" ||
    die "could not fetch a token from $base_url/v2/token"

# In the temporary folder: schemathesis keeps a cache in its working directory.
status=0
(cd "$work" && "$venv/bin/schemathesis" run "$base_url/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "$examples" --seed 20261208 --workers 1 --no-color) || status=$?

kill -0 "$server_pid" 2>/dev/null || die "the emulator is no longer running after the fuzzer: it crashed"
stop_emulator
[ "$status" -eq 0 ] || die "FAILED (schemathesis exited $status)"
echo "$name: passed"
