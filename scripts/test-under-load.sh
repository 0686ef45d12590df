#!/usr/bin/env bash
# Runs a test command N times while busy loops keep every core loaded, and
# prints each run's result and wall time, then a summary line. It shows that
# the suite passes on a loaded machine, as CI's 2 cores often are (load 10+).
#
#   scripts/test-under-load.sh [RUNS] [-- COMMAND...]
#
#   RUNS     how many runs (default 5)
#   COMMAND  what to run (default: npm test)
#   LOAD_LOOPS=N   busy loops to start (default 10: load >= 10 on top of the tests)
#   LOG_DIR=dir    where each run's output goes (default: a new temp dir)
#
# Exit status: 0 when every run passed. The busy loops are this script's
# children, stopped when it ends however it ends.
set -uo pipefail

runs=5
if [[ $# -gt 0 && $1 != -- ]]; then
  runs=$1
  shift
fi
[[ ${1:-} == -- ]] && shift
command=("$@")
((${#command[@]} > 0)) || command=(npm test)
loops=${LOAD_LOOPS:-10}
log_dir=${LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/test-under-load.XXXXXX")}
mkdir -p "$log_dir"
cd "$(dirname "$0")/.."

busy=()
stop_load() {
  ((${#busy[@]} > 0)) && kill "${busy[@]}" 2>/dev/null
  busy=()
}
trap stop_load EXIT
trap 'exit 130' INT TERM
for ((i = 0; i < loops; i++)); do
  (while :; do :; done) &
  busy+=($!)
done

load() { cut -d' ' -f1 /proc/loadavg; }
echo "cores: $(nproc); busy loops: $loops; command: ${command[*]}; logs: $log_dir"
sleep 10 # let the load average climb before the first run
passed=0
times=()
for ((run = 1; run <= runs; run++)); do
  log="$log_dir/run-$run.log"
  load_before=$(load)
  start=$(date +%s)
  "${command[@]}" >"$log" 2>&1
  status=$?
  secs=$(($(date +%s) - start))
  times+=("$secs")
  summary=$(grep -E '^(typecheck|lint|unit|e2e) ' "$log" | tail -1)
  if ((status == 0)); then
    passed=$((passed + 1))
    result=pass
  else
    result="FAIL (exit $status)"
  fi
  printf 'run %d/%d: %s in %d s (load %s at start, %s at end)%s\n' "$run" "$runs" "$result" \
    "$secs" "$load_before" "$(load)" "${summary:+ - $summary}"
done
stop_load
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "summary: $passed of $runs runs passed under load; wall times (s): ${times[*]} (sorted: ${sorted% }); logs in $log_dir"
((passed == runs))
