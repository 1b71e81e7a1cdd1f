#!/usr/bin/env bash
# The benchmarks of PLATFORM.md's targets, in one command: starts a fresh local stack (rate limits raised for the
# load, as the summary says), runs the Gatling simulations, the feedback reconciliation and the reviewer-alert
# latency probe, then writes load-tests/results/SUMMARY.md. HTML reports: load-tests/target/gatling/.
#
#   ./load-tests/run.sh                  # 20 s per phase, 1,000 feedback/s, 300 alert probes
#   SECONDS_PER_PHASE=60 FEEDBACK_RATE=1200 ALERT_PROBES=500 ./load-tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export RATE_LIMIT_ENABLED=false FEEDBACK_PER_MINUTE=100000000
phase=${SECONDS_PER_PHASE:-20}
rate=${FEEDBACK_RATE:-1000}
probes=${ALERT_PROBES:-300}

mkdir -p load-tests/target/benchmark
console=load-tests/target/stack-console.log

# The launcher runs services with a class-data-sharing archive that the first start of a build records when it
# stops (local-stack's ClassDataSharing). A start as users get it after that first one is what is measured.
start_stack() { ./run.sh "$@" > "$console" 2>&1 & stack=$!; }
await_stack() {
  until grep -q "Press Ctrl-C" "$console"; do
    kill -0 $stack 2> /dev/null || { cat "$console"; echo "the local stack did not start" >&2; exit 1; }
    sleep 1
  done
}
start_stack --fresh
trap 'kill -TERM $stack 2> /dev/null || true; wait $stack 2> /dev/null || true' EXIT
await_stack
if grep -q "recording its class-data-sharing archive" "$console"; then
  echo "First start of this build (its class-data-sharing archives are written when it stops): starting again."
  kill -TERM $stack; wait $stack || true
  start_stack --fresh
  await_stack
fi
echo "Local stack ready: $(grep 'Ready in' "$console")"

cd load-tests
../mvnw -q -B test-compile
classpath="target/test-classes:$(../mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=/dev/stdout)"
report() { java -cp "$classpath" -Dresults=target/benchmark com.healthcontent.loadtests.BenchmarkReport "$@"; }

report baseline
../mvnw -B -ntp gatling:test -Dseconds="$phase" -DfeedbackPerSecond="$rate" -Dresults=target/benchmark
report after-burst
report alert-latency "$probes" "$("$root"/scripts/token dr.rao)"
report startup "$root"
report summary "$root/$console"
