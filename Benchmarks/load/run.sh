#!/usr/bin/env bash
# Sustained POST /interaction/v1/events against `journeylab serve` on loopback, wrk on the
# same machine, next to a trivial JSON route (GET /platform/v1/tokenContext) in the same run;
# then events again with the server killed (-9) half way, and every acknowledged event looked
# for in the workspace. The two routes take turns, in rounds: on this shared VM the same route's
# rate drifted by a fifth within a minute, so one long run of each compared two moments more
# than two routes. The trivial route's turn starts once the engine has decided the events still
# queued when the events' turn stopped. Usage: Benchmarks/load/run.sh [journeylab binary]
# (default: a release build in .build-release). Needs wrk, curl and python3 (Debian:
# apt-get install wrk curl python3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-}
if [ -z "$binary" ]; then
  (cd "$root" && swift build -c release --product journeylab --scratch-path .build-release >&2)
  binary="$root/.build-release/release/journeylab"
fi
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
threads=${THREADS:-1}
# 20 requests in flight: enough that each commit is shared by several firings (at 16 the
# commits were smaller and the rate lower, about 4,400-5,100/s); with 32, queueing alone puts
# the mean at 32 / rate (about 6 ms) and the p99 near 15 ms.
connections=${CONNECTIONS:-20}
# Each route runs ROUNDS turns of SECONDS_PER_RUN seconds.
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-5}

work=$(mktemp -d)
server=""
start_server() {
  JOURNEYLAB_CLIENT_ID=load JOURNEYLAB_CLIENT_SECRET=load-secret \
    "$binary" serve --port "${1:-0}" --log-level warning --workspace "$work/workspace.sqlite" > "$work/serve.out" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    grep -q "Press Ctrl-C to stop." "$work/serve.out" 2> /dev/null && break
    sleep 0.1
  done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1)
  [ -n "$url" ] || { cat "$work/serve.out" >&2; exit 1; }
}
cleanup() { [ -n "$server" ] && kill -9 "$server" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { curl -sS -X "$1" "$url$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+-d "$3"}; }

start_server
token=$(curl -sS -X POST "$url/v2/token" -H 'Content-Type: application/json' \
  -d '{"grant_type":"client_credentials","client_id":"load","client_secret":"load-secret"}' | json '["access_token"]')
de=$(call POST /data/v1/customobjects \
  '{"name":"Load","key":"LOAD","fields":[{"name":"EmailAddress","type":"EmailAddress","isPrimaryKey":true,"isNullable":false},{"name":"Updated","type":"Boolean","defaultValue":"False"}]}' \
  | json '["id"]')
call PATCH "/data/v1/customobjects/$de" \
  '{"isSendable":true,"sendableCustomObjectField":"EmailAddress","sendableSubscriberField":"_SubscriberKey"}' > /dev/null
call POST /interaction/v1/eventDefinitions \
  "{\"type\":\"APIEvent\",\"name\":\"Load\",\"eventDefinitionKey\":\"load-event\",\"dataExtensionId\":\"$de\"}" > /dev/null

run_wrk() { # script seconds args…
  local script=$1 duration=$2
  shift 2
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -s "$here/$script" "$url" -- "$@"
}
turn() { # route round args… → the turn's summary in $work/route$round.txt, its latencies beside it
  local route=$1 round=$2
  shift 2
  LATENCY_FILE="$work/$route$round.latency" run_wrk "$route.lua" "$seconds" "$@" | tee "$work/$route$round.txt" >&2
}

# The engine decides queued events once firings pause: each run is measured after it has caught
# up with the last, so that run does not share the machine with that work.
queued() {
  python3 -c "import sqlite3,sys; c=sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True); \
print(c.execute(\"SELECT COUNT(*) FROM eventInstance WHERE status IN ('queued','entering')\").fetchone()[0])" \
    "$work/workspace.sqlite"
}
wait_for_engine() { while [ "$(queued)" -gt 0 ]; do sleep 0.2; done; }

echo "== warm-up" >&2
run_wrk events.lua 3 "$token" load-event > "$work/warmup.txt"
wait_for_engine
backlog=0
drained_in=0
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds: events, ${seconds}s, $threads thread(s), $connections connections" >&2
  turn events "$round" "$token" load-event
  backlog=$((backlog + $(queued)))
  drain_started=$(date +%s.%N)
  wait_for_engine
  drained_in=$(python3 -c "import time; print(f'{$drained_in + time.time() - $drain_started:.1f}')")
  echo "== round $round of $rounds: trivial route" >&2
  turn trivial "$round" "$token"
done

echo "== events, the server killed -9 after 4 s" >&2
run_wrk events.lua 8 "$token" load-event > "$work/killed.txt" 2>&1 &
load=$!
sleep 4
kill -9 "$server"
server=""
wait "$load" || true
acknowledged=$(cat "$work"/warmup.txt "$work"/events*.txt "$work"/killed.txt | awk '$1 == "acknowledged" { n += $2 } END { print n + 0 }')
[ "$acknowledged" -gt 0 ] || { echo "wrk reported no acknowledged events" >&2; exit 1; }
rows=$("$binary" status --json --workspace "$work/workspace.sqlite" | json '["dataExtensions"][0]["rowCount"]')

# Each route's rate and percentiles over all its turns.
rate() { cat "$work/$1"[0-9]*.txt | awk '$1 == "requests" { n += $2 } $1 == "seconds" { s += $2 } END { print n / s }'; }
summary() { # route
  local percentiles turns
  turns=$(cat "$work/$1"[0-9]*.txt | awk '$1 == "p99_ms" { p99 = $2 } $1 == "rate" { printf "%s%s/s p99 %s ms", sep, $2, p99; sep = ", " }')
  percentiles=$(sort -n "$work/$1"[0-9]*.latency | awk '
    { value[NR] = $1; count[NR] = $2; total += $2 }
    END {
      for (i = 1; i <= NR; i++) {
        seen += count[i]
        if (!p50 && seen >= total * 0.50) p50 = value[i]
        if (!p99 && seen >= total * 0.99) p99 = value[i]
      }
      printf "p50 %.2f ms, p99 %.2f ms", p50 / 1000, p99 / 1000
    }')
  echo "$(printf %.0f "$(rate "$1")")/s ($percentiles; turns: $turns)"
}
echo
echo "events            $(summary events)"
echo "trivial route     $(summary trivial)"
echo "events/trivial    $(python3 -c "print(f'{$(rate events) / $(rate trivial):.0%}')")"
echo "engine            $backlog events still queued when the event turns stopped, all decided ${drained_in} s later in all"
echo "acknowledged      $acknowledged events (all runs), rows after kill -9: $rows"
if [ "$rows" -lt "$acknowledged" ]; then
  echo "LOST: $((acknowledged - rows)) acknowledged events are not in the workspace" >&2
  exit 1
fi
echo "durable           every acknowledged event survived kill -9"
