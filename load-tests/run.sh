#!/usr/bin/env bash
# The benchmarks of PLATFORM.md's targets except the read paths at saturation (./load-tests/reads.sh): starts a fresh local stack (rate limits raised for the
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
source load-tests/stack.sh
fresh_stack

cd load-tests
../mvnw -q -B test-compile
classpath="target/test-classes:$(../mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=/dev/stdout)"
report() { java -cp "$classpath" -Dresults=target/benchmark com.healthcontent.loadtests.BenchmarkReport "$@"; }

report baseline
# One simulation at a time: the readers on a quiet stack, never behind the feedback burst's backlog.
for simulation in ReaderBrowsingSimulation FeedbackBurstSimulation; do
  ../mvnw -B -ntp gatling:test -Dgatling.simulationClass=com.healthcontent.loadtests.$simulation -Dseconds="$phase" \
    -DfeedbackPerSecond="$rate" -Dresults=target/benchmark
done
report after-burst
report alert-latency "$probes" "$("$root"/scripts/token dr.rao)"
report startup "$root"
report summary "$root/$console"
