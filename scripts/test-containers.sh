#!/usr/bin/env bash
# The container end-to-end test (slow: minutes; not part of scripts/test.sh):
#   builds the image (scripts/build-images.sh), runs compose.yaml with three analysis workers, ingests the seeds
#   through the published submit port with the host-built CLI (.build-static/release/tumen), waits for the analysis,
#   asks for a digest and checks that a subscriber on the published digests port received it with the seeds' key
#   figures; checks that more than one worker did work, that SIGTERM stops every service with exit 0, and that the
#   store survives a restart in its volume; then takes it all down (always) and prints the timings.
#
# Environment: TUMEN_SKIP_BUILD=1 uses the images as they are; TUMEN_E2E_KEEP=1 leaves the containers running;
#              TUMEN_SUBMIT_PORT, TUMEN_STORE_PORT, TUMEN_DIGESTS_PORT, TUMEN_CONTROL_PORT pick other host ports
#              (by default 5550, 5551, 5553, 5554, or 25550… when those are in use).
# It runs as its own compose project (tumen-e2e) with its own volume, so it never touches a user's `tumen` store.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
project=tumen-e2e
workers=3
ports_chosen=${TUMEN_SUBMIT_PORT:-}${TUMEN_STORE_PORT:-}${TUMEN_DIGESTS_PORT:-}${TUMEN_CONTROL_PORT:-}${TUMEN_INGEST_HEALTH_PORT:-}${TUMEN_STORAGE_HEALTH_PORT:-}${TUMEN_REPORTING_HEALTH_PORT:-}
submit_port=${TUMEN_SUBMIT_PORT:-5550}
store_port=${TUMEN_STORE_PORT:-5551}
digests_port=${TUMEN_DIGESTS_PORT:-5553}
control_port=${TUMEN_CONTROL_PORT:-5554}
ingest_health_port=${TUMEN_INGEST_HEALTH_PORT:-5555}
storage_health_port=${TUMEN_STORAGE_HEALTH_PORT:-5556}
reporting_health_port=${TUMEN_REPORTING_HEALTH_PORT:-5557}
export TUMEN_SUBMIT_PORT=$submit_port TUMEN_STORE_PORT=$store_port TUMEN_DIGESTS_PORT=$digests_port \
    TUMEN_CONTROL_PORT=$control_port TUMEN_INGEST_HEALTH_PORT=$ingest_health_port \
    TUMEN_STORAGE_HEALTH_PORT=$storage_health_port TUMEN_REPORTING_HEALTH_PORT=$reporting_health_port
export TUMEN_BASE_IMAGE=${TUMEN_BASE_IMAGE:-localhost/tumen-base:bookworm}
seeds="$root/../shared/corpus/seeds"

say() { printf 'test-containers: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
started=$SECONDS
step_started=$SECONDS
timings=()
timing() {
    timings+=("$(printf '%-28s %4d s' "$1" $((SECONDS - step_started)))")
    say "$1: $((SECONDS - step_started)) s"
    step_started=$SECONDS
}

if [ ! -d "$seeds" ]; then
    say "SKIPPED: ../shared/corpus/seeds is absent; the container test ingests the seeds and needs it"
    exit 0
fi

# --- build ----------------------------------------------------------------------------------------------------------
if [ "${TUMEN_SKIP_BUILD:-0}" = 1 ]; then
    say "TUMEN_SKIP_BUILD=1: using the images and binaries as they are"
else
    scripts/build-images.sh || fail "scripts/build-images.sh failed"
fi
tumen="$root/.build-static/release/tumen"
[ -x "$tumen" ] || fail "$tumen is missing: run scripts/build-images.sh"
command -v podman-compose >/dev/null || fail "podman-compose is missing: run scripts/build-images.sh"
timing "build images"

compose() { podman-compose -p "$project" -f "$root/compose.yaml" "$@"; }
# podman-compose down knows only the first replica of a scaled service (analysis_2 and _3 would stay running and hold
# the network and the volume), so remove whatever still carries the project's label, then its pod, network and volume.
remove_project() {
    compose down -v >>"$work/down.log" 2>&1 || true
    local left
    left=$(podman ps -aq --filter "label=io.podman.compose.project=$project")
    # Twice: the first pass may refuse a container that another one still depends on.
    [ -z "$left" ] || podman rm -f -t 20 $left >>"$work/down.log" 2>&1 || podman rm -f $left >>"$work/down.log" 2>&1 || true
    podman pod rm -f "pod_$project" >>"$work/down.log" 2>&1 || true
    podman network rm -f "${project}_default" >>"$work/down.log" 2>&1 || true
    podman volume rm -f "${project}_tumen-data" >>"$work/down.log" 2>&1 || true
    left=$(podman ps -aq --filter "label=io.podman.compose.project=$project")
    if [ -n "$left" ] || podman volume exists "${project}_tumen-data"; then
        say "could not remove every container or the volume of project $project:"
        tail -20 "$work/down.log" >&2
        return 1
    fi
}
work=$(mktemp -d /tmp/tumen-e2e.XXXXXX)
subscriber_pid=""
cleanup() {
    status=$?
    [ -z "$subscriber_pid" ] || kill "$subscriber_pid" 2>/dev/null || true
    if [ "$status" -ne 0 ]; then
        say "--- container logs (last 40 lines each) ---"
        for c in $(podman ps -a --filter "label=io.podman.compose.project=$project" --format '{{.Names}}'); do
            echo "== $c" >&2
            podman logs --tail 40 "$c" 2>&1 | sed 's/^/   /' >&2 || true
        done
    fi
    if [ "${TUMEN_E2E_KEEP:-0}" = 1 ]; then
        say "TUMEN_E2E_KEEP=1: leaving project $project running (podman rm -f \$(podman ps -aq --filter label=io.podman.compose.project=$project))"
    else
        say "podman-compose down"
        local down_started=$SECONDS
        remove_project || { [ "$status" -ne 0 ] || status=1; }
        say "podman-compose down: $((SECONDS - down_started)) s"
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- up -------------------------------------------------------------------------------------------------------------
# Leftovers of an interrupted run would hold the ports and an old store.
remove_project || fail "could not clear what an earlier run left behind"
in_use() { for port in "$@"; do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; done; return 1; }
all_ports() {
    echo "$submit_port $store_port $digests_port $control_port $ingest_health_port $storage_health_port" \
        "$reporting_health_port"
}
# shellcheck disable=SC2046
if in_use $(all_ports); then
    if [ -n "${ports_chosen:-}" ]; then
        fail "a port of $(all_ports) on 127.0.0.1 is in use; choose others with TUMEN_*_PORT"
    fi
    # Someone runs Tumen on the default ports (a local 'tumen up'?): publish on other host ports instead.
    for base in 25550 35550 45550; do
        in_use $base $((base + 1)) $((base + 3)) $((base + 4)) $((base + 5)) $((base + 6)) $((base + 7)) || break
    done
    submit_port=$base store_port=$((base + 1)) digests_port=$((base + 3)) control_port=$((base + 4))
    ingest_health_port=$((base + 5)) storage_health_port=$((base + 6)) reporting_health_port=$((base + 7))
    # shellcheck disable=SC2046
    in_use $(all_ports) && fail "found no free ports to publish on"
    export TUMEN_SUBMIT_PORT=$submit_port TUMEN_STORE_PORT=$store_port TUMEN_DIGESTS_PORT=$digests_port \
        TUMEN_CONTROL_PORT=$control_port TUMEN_INGEST_HEALTH_PORT=$ingest_health_port \
        TUMEN_STORAGE_HEALTH_PORT=$storage_health_port TUMEN_REPORTING_HEALTH_PORT=$reporting_health_port
    say "the default ports are in use on 127.0.0.1; publishing on $(all_ports)"
fi
# tumen status against the published ports: storage's counts and every service's system.health.
status() {
    "$tumen" status --store-endpoint "tcp://127.0.0.1:$store_port" \
        --ingest-health-endpoint "tcp://127.0.0.1:$ingest_health_port" \
        --storage-health-endpoint "tcp://127.0.0.1:$storage_health_port" \
        --reporting-health-endpoint "tcp://127.0.0.1:$reporting_health_port" "$@"
}
say "podman-compose up -d --scale analysis=$workers"
compose up -d --scale "analysis=$workers" >"$work/up.log" 2>&1 || { tail -30 "$work/up.log" >&2; fail "podman-compose up failed"; }
running=$(podman ps --filter "label=io.podman.compose.project=$project" --format '{{.Names}}' | sort)
say "running: $(echo $running)"
analysis_containers=$(podman ps --filter "label=io.podman.compose.project=$project" \
    --filter "label=io.podman.compose.service=analysis" --format '{{.Names}}')
[ "$(echo "$analysis_containers" | grep -c .)" -eq "$workers" ] \
    || fail "expected $workers analysis containers, found: $(echo $analysis_containers)"
timing "compose up"

say "waiting for storage on tcp://127.0.0.1:$store_port"
deadline=$((SECONDS + 120))
until status >"$work/status" 2>&1; do
    [ $SECONDS -lt $deadline ] || { cat "$work/status" >&2; fail "storage did not answer tumen status within 120 s"; }
    sleep 1
done
timing "storage ready"

# Waits until storage reports 0 queued and 0 leased jobs and at least $1 done.
wait_for_analysis() {
    say "waiting for the analysis of $1 documents (0 queued, 0 leased)"
    local deadline=$((SECONDS + 180)) jobs queued leased done_
    while :; do
        if status >"$work/status" 2>&1; then
            jobs=$(grep '^  jobs' "$work/status" || true)
            queued=$(echo "$jobs" | sed -n 's/.* \([0-9][0-9]*\) queued.*/\1/p')
            leased=$(echo "$jobs" | sed -n 's/.* \([0-9][0-9]*\) leased.*/\1/p')
            done_=$(echo "$jobs" | sed -n 's/.* \([0-9][0-9]*\) done.*/\1/p')
            if [ "$queued" = 0 ] && [ "$leased" = 0 ] && [ "${done_:-0}" -ge "$1" ]; then break; fi
        fi
        [ $SECONDS -lt $deadline ] || { cat "$work/status" >&2; fail "jobs still queued or leased after 180 s"; }
        sleep 1
    done
    sed 's/^/   /' "$work/status" >&2
    workers_heard=$(grep -c '^  analysis ' "$work/status" || true)
    [ "$workers_heard" -eq "$workers" ] \
        || fail "tumen status shows $workers_heard analysis workers' system.health, expected $workers"
}

# --- subscribe, ingest, analyse, digest -----------------------------------------------------------------------------
"$tumen" subscribe digest.daily.all --count 1 --format json --digests-endpoint "tcp://127.0.0.1:$digests_port" \
    >"$work/digest.json" 2>"$work/subscribe.err" &
subscriber_pid=$!
sleep 2   # let the SUB socket connect through the published port before anything is published

say "tumen ingest $seeds"
"$tumen" ingest --submit-endpoint "tcp://127.0.0.1:$submit_port" "$seeds" >"$work/ingest.out" 2>&1 \
    || { cat "$work/ingest.out" >&2; fail "tumen ingest failed"; }
sed 's/^/   /' "$work/ingest.out" >&2
documents=$(find "$seeds" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)
timing "ingest"

wait_for_analysis "$documents"
timing "analysis"

say "tumen digest --now --topic all"
"$tumen" digest --now --topic all --control-endpoint "tcp://127.0.0.1:$control_port" >"$work/digest.md" 2>"$work/digest.err" \
    || { cat "$work/digest.err" >&2; fail "tumen digest --now failed"; }

deadline=$((SECONDS + 30))
while kill -0 "$subscriber_pid" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "the subscriber on tcp://127.0.0.1:$digests_port received no digest within 30 s"
    sleep 0.5
done
wait "$subscriber_pid" || { cat "$work/subscribe.err" >&2; fail "tumen subscribe failed"; }
subscriber_pid=""
timing "digest"

for figure in "4,700" "13.6 trillion"; do
    grep -qF "$figure" "$work/digest.json" || fail "the digest received on digest.daily.all does not name \"$figure\""
    grep -qF "$figure" "$work/digest.md" || fail "the digest printed by tumen digest does not name \"$figure\""
done
say "the subscriber received digest.daily.all ($(wc -c <"$work/digest.json") bytes of JSON) naming 4,700 and 13.6 trillion"

# The workers split the work. Two seeds can both go to one worker (a worker that is free again at once may take
# the next job), so send a batch of small invented documents as well, then count who analysed something: each
# worker logs "analysed" per job.
batch=9
mkdir -p "$work/batch"
for i in $(seq 1 $batch); do
    printf 'Illustrative document %d of the Tumen container test (invented text, not a source).\nA shipment of %d tonnes of rice left port on day %d, worth $%d.%d million.\n' \
        "$i" $((100 * i)) "$i" "$i" $((i * 7 % 10)) >"$work/batch/batch-$i.txt"
done
"$tumen" ingest --submit-endpoint "tcp://127.0.0.1:$submit_port" "$work/batch" >"$work/ingest.out" 2>&1 \
    || { cat "$work/ingest.out" >&2; fail "tumen ingest of the batch failed"; }
grep -q "$batch accepted" "$work/ingest.out" || { cat "$work/ingest.out" >&2; fail "the batch of $batch documents was not accepted"; }
stored=$((documents + batch))
wait_for_analysis "$stored"
busy=0
for c in $analysis_containers; do
    n=$(podman logs "$c" 2>&1 | grep -c 'analysed' || true)
    say "  $c analysed $n document(s)"
    [ "$n" -eq 0 ] || busy=$((busy + 1))
done
[ "$busy" -ge 2 ] || fail "only $busy of $workers analysis containers did work on $stored documents"
say "$busy of $workers analysis containers did work"
timing "work split"

# Graceful stop: SIGTERM, and each service exits 0 well before the grace period.
say "stopping the services with SIGTERM"
stop_started=$SECONDS
for c in $running; do podman stop --time 20 "$c" >/dev/null & done
wait
for c in $running; do
    code=$(podman inspect --format '{{.State.ExitCode}}' "$c")
    [ "$code" = 0 ] || fail "$c exited $code after SIGTERM (expected a graceful stop, exit 0)"
done
say "all $(echo "$running" | wc -w) containers stopped gracefully (exit 0) in $((SECONDS - stop_started)) s"
timing "graceful stop"

# The store survives a restart in its named volume: the same seeds are now duplicates.
say "starting the stopped containers again; the store must still hold the seeds"
podman start $running >"$work/start.log" 2>&1 || { cat "$work/start.log" >&2; fail "podman start failed after the graceful stop"; }
deadline=$((SECONDS + 120))
until status >"$work/status" 2>&1; do
    [ $SECONDS -lt $deadline ] || { cat "$work/status" >&2; fail "storage did not answer after a restart within 120 s"; }
    sleep 1
done
grep -Eq "^ *documents +$stored( |$)" "$work/status" || { cat "$work/status" >&2; fail "the store lost documents across a restart"; }
"$tumen" ingest --submit-endpoint "tcp://127.0.0.1:$submit_port" "$seeds" >"$work/ingest.out" 2>&1 \
    || { cat "$work/ingest.out" >&2; fail "tumen ingest failed after a restart"; }
grep -q "0 accepted, $documents duplicates" "$work/ingest.out" \
    || { cat "$work/ingest.out" >&2; fail "re-ingesting the seeds after a restart did not report $documents duplicates"; }
say "after a restart the volume still holds $stored documents, and re-ingesting the seeds reports duplicates"
timing "restart with the volume"

say "timings:"
for t in "${timings[@]}"; do printf '   %s\n' "$t" >&2; done
say "PASSED in $((SECONDS - started)) s"
