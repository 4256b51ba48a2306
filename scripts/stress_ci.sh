#!/usr/bin/env bash
# The test suite on a loaded machine: two busy loops keep both cores of a two-core machine at
# 100 % (as other builds do on a shared one) while the suite runs N times; then the failures are
# counted per test. A test that fails here and passes alone waits for the machine, not for a state.
#   scripts/stress_ci.sh            5 runs of .ci/run (build and the whole suite)
#   scripts/stress_ci.sh 3          3 runs
#   scripts/stress_ci.sh 2 --filter RobustnessTests
#                                   2 runs of `swift test --filter RobustnessTests` (after a build)
# Every run's output is kept in $STRESS_LOGS (a new temporary folder by default). Exits 0 only when
# every run passed. The busy loops end with the script, also on Ctrl-C.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [runs] [swift test options]" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
logs=${STRESS_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/convscope-stress.XXXXXX")}
mkdir -p "$logs"

busy=()
child=
stop_busy() {
    for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${busy[@]}"; do wait "$pid" 2>/dev/null; done
    busy=()
}
# The build or test run goes to the background and the script waits for it: bash runs a trap only
# once a foreground command has ended, and `wait` returns at once on a signal.
run() {
    "$@" &
    child=$!
    wait "$child"
    local status=$?
    child=
    return $status
}
interrupted() {
    # The run and everything it started (swift test, the test binary, tmux clients).
    [ -n "$child" ] && { pkill -TERM -P "$child" 2>/dev/null; kill -TERM "$child" 2>/dev/null; }
    stop_busy
    echo "interrupted" >&2
    exit 130
}
trap stop_busy EXIT
trap interrupted INT TERM
for _ in 1 2; do
    bash -c 'while :; do :; done' &
    busy+=($!)
done
echo "load: busy loops ${busy[*]}; logs in $logs"

if [ $# -gt 0 ]; then
    run swift build --build-tests >"$logs/build.log" 2>&1 || { tail -30 "$logs/build.log"; echo "the build failed"; exit 1; }
fi

failed_runs=0
for i in $(seq 1 "$runs"); do
    log="$logs/run-$i.log"
    start=$SECONDS
    if [ $# -gt 0 ]; then
        run swift test --skip-build "$@" >"$log" 2>&1
    else
        run .ci/run >"$log" 2>&1
    fi
    status=$?
    load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
    summary=$(grep -E '(✔|✘) Test run with' "$log" | tail -1)
    echo "run $i/$runs: exit $status in $(( SECONDS - start )) s, load $load: ${summary:-$(tail -1 "$log")}"
    [ "$status" -eq 0 ] || failed_runs=$((failed_runs + 1))
done

echo
echo "failures per test over $runs runs:"
# Swift Testing prints `✘ Test name() failed after …` (or `✘ Test "display name" with 2 test cases
# failed after …`) once per failed test, then `✘ Test run with … failed` for the whole run.
failed_tests() {
    grep -hE '^✘ Test .* failed after' "$logs"/run-*.log | grep -v '^✘ Test run with' \
        | sed -E 's/ failed after.*//; s/ with [0-9]+ test cases?$//; s/^✘ Test //'
}
failed_tests | sort | uniq -c | sort -rn | sed 's/^/  /'
[ -n "$(failed_tests)" ] || echo "  none (of the tests; a failed build or crash shows in the run's line above)"
echo "$(( runs - failed_runs ))/$runs runs passed"
[ "$failed_runs" -eq 0 ]
