#!/usr/bin/env bash
# The benchmarks of PLATFORM.md's targets except the read paths at saturation (./load-tests/reads.sh): starts a fresh
# local stack (rate limits raised for the load, as the summary says), runs the reader mix (Gatling), then reader votes
# at saturation (wrk: warm-up, 60 s through the gateway with the reviewer-alert and summary probes running, the same
# straight to feedback-service, the reconciliation), start-up alone, and writes load-tests/results/SUMMARY.md, with
# a profile of every process during the gateway vote phase in load-tests/results/PROFILE.md.
#
#   ./load-tests/run.sh                        # 20 s reader mix, 60 s per vote phase at 64 connections
#   SECONDS_PER_PHASE=30 VOTE_SECONDS=60 VOTE_CONNECTIONS=32 ./load-tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export RATE_LIMIT_ENABLED=false FEEDBACK_PER_MINUTE=100000000
phase=${SECONDS_PER_PHASE:-20}

mkdir -p load-tests/target/benchmark
source load-tests/stack.sh
require_wrk
fresh_stack

cd load-tests
../mvnw -q -B test-compile
classpath="target/test-classes:$(../mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=/dev/stdout)"
report() { java -cp "$classpath" -Dresults=target/benchmark com.healthcontent.loadtests.BenchmarkReport "$@"; }

# The readers on a quiet stack, never behind the votes' backlog.
../mvnw -B -ntp gatling:test -Dgatling.simulationClass=com.healthcontent.loadtests.ReaderBrowsingSimulation \
  -Dseconds="$phase" -Dresults=target/benchmark
java -cp "$classpath" -Dresults=target/benchmark com.healthcontent.loadtests.VoteSaturation "$root/$console" \
  "${VOTE_SECONDS:-60}" "${VOTE_CONNECTIONS:-64}" "$("$root"/scripts/token dr.rao)"
java -cp "$classpath" com.healthcontent.loadtests.Profiles target/benchmark/profiles results/PROFILE.md \
  "Where the CPU goes while readers vote through the gateway (./load-tests/run.sh, $(date -u +%Y-%m-%dT%H:%MZ))"
report startup "$root"
report summary "$root/$console"
