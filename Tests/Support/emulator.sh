# shellcheck shell=bash
# Sourced by the scripts that drive `journeylab serve` with a tool from PyPI (Tests/SDK,
# Tests/Fuzz): the tool's virtual environment, and an emulator on a free port over a new
# workspace. The script sets `name` (its messages' prefix) before sourcing this file.

die() {
    echo "$name: $*" >&2
    exit 1
}

# Whether the environment $venv holds $package at the version $spec pins, and imports $module
# when one is named.
venv_has() {
    local package="$1" spec="$2" module="${3:-}"
    [ -x "$venv/bin/python" ] || return 1
    "$venv/bin/python" - "$package" "$spec" "$module" <<'PY' >/dev/null 2>&1
import importlib, sys
from importlib import metadata
package, spec, module = sys.argv[1:4]
if "==" in spec and metadata.version(package) != spec.split("==", 1)[1].strip():
    sys.exit(1)
if module:
    importlib.import_module(module)
PY
}

# Makes $venv hold $package as $spec pins it (with $python), or reuses it when it already does.
ensure_venv() {
    local package="$1" spec="$2" module="${3:-}"
    if venv_has "$package" "$spec" "$module"; then
        echo "$name: reusing $venv"
        return
    fi
    command -v "$python" >/dev/null 2>&1 || die "no $python to make a virtual environment with (set PYTHON)"
    echo "$name: installing $spec into $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv" ||
        die "could not make a virtual environment at $venv with $python -m venv (on Debian: apt-get install python3-venv)"
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet "$spec" ||
        die "pip could not install $spec into $venv"
    venv_has "$package" "$spec" "$module" || die "$venv still lacks $package after installing $spec"
}

# Starts `$binary serve` on a free port over $work/workspace.sqlite with an app of
# $client_id / $client_secret; sets server_pid and base_url once it is ready.
server_pid=""
base_url=""
start_emulator() {
    JOURNEYLAB_CLIENT_ID="$client_id" JOURNEYLAB_CLIENT_SECRET="$client_secret" \
        "$binary" serve --port 0 --workspace "$work/workspace.sqlite" "$@" \
        </dev/null >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    local deadline=$((SECONDS + 60))
    until grep -qF "Press Ctrl-C to stop." "$work/server.out" 2>/dev/null; do
        kill -0 "$server_pid" 2>/dev/null || die "the emulator exited before it was ready"
        [ "$SECONDS" -lt "$deadline" ] || die "the emulator did not print \"Press Ctrl-C to stop.\" within 60 s"
        sleep 0.1
    done
    base_url="$(sed -n 's|^JourneyLab emulator on \(http://[^ ]*\) (workspace .*|\1|p' "$work/server.out" | head -n 1)"
    [ -n "$base_url" ] || die "no \"JourneyLab emulator on http://… (workspace …)\" line in the emulator's output"
    echo "$name: emulator at $base_url"
}

# Stops the emulator with SIGINT, killing it when it has not stopped within 10 s.
stop_emulator() {
    [ -n "$server_pid" ] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -INT "$server_pid" 2>/dev/null || true
        local deadline=$((SECONDS + 10))
        while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$server_pid" 2>/dev/null; do sleep 0.1; done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "$name: the emulator did not stop on SIGINT within 10 s: killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

show_emulator_output() {
    echo "---- emulator stdout ($binary serve) ----" >&2
    cat "$work/server.out" >&2 2>/dev/null || true
    echo "---- emulator stderr ----" >&2
    cat "$work/server.err" >&2 2>/dev/null || true
    echo "----" >&2
}

# The EXIT trap: stops the emulator, shows its output when the script failed, removes $work.
on_exit() {
    local status=$?
    trap - EXIT INT TERM
    stop_emulator
    if [ "$status" -ne 0 ] && [ -f "$work/server.out" ]; then show_emulator_output; fi
    rm -rf "$work"
    exit "$status"
}
