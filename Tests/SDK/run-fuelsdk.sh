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

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="run-fuelsdk"
# shellcheck source=../Support/emulator.sh
source "$here/../Support/emulator.sh"

[ $# -eq 1 ] || die "usage: Tests/SDK/run-fuelsdk.sh <path-to-journeylab-binary>"
binary="$1"
if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then die "$binary is not an executable file"; fi
case "$binary" in */*) ;; *) binary="./$binary" ;; esac

tmp_root="${TMPDIR:-/tmp}"
python="${PYTHON:-python3}"
spec="${JOURNEYLAB_FUELSDK_SPEC:-salesforce-fuelsdk-sans==1.3.1}"
venv="${JOURNEYLAB_SDK_VENV:-$tmp_root/journeylab-fuelsdk-venv}"

ensure_venv salesforce-fuelsdk-sans "$spec" FuelSDK

work="$(mktemp -d "$tmp_root/journeylab-fuelsdk.XXXXXX")"
client_id="fuelsdk-check-client"
client_secret="fuelsdk-check-secret-$$-$RANDOM"
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_emulator

# In the temporary folder: FuelSDK reads ./config.python and writes ./soap_cache_file.json, and
# suds caches the WSDL under TMPDIR.
status=0
(cd "$work" && TMPDIR="$work" "$venv/bin/python" "$here/fuelsdk_check.py" \
    --base-url "$base_url" --client-id "$client_id" --client-secret "$client_secret" \
    --wsdl "$here/ExactTargetWSDL.xml") || status=$?

stop_emulator
if [ "$status" -ne 0 ]; then
    echo "$name: FAILED (fuelsdk_check.py exited $status)" >&2
else
    echo "$name: passed"
fi
exit "$status"
