#!/usr/bin/env bash
# The gateway's CPU per proxied request, GET and vote POST side by side on one stack in the same minutes (issue 29:
# a proxied POST cost four times a GET while the Retry filter cached bodies). Starts a fresh local stack with the
# limits off (and the vote backlog bound off, so no vote is refused), warms both paths for 2 minutes each, then
# measures each twice, interleaved, 30 s at a time (needs wrk, jq and bc):   ./load-tests/gateway-ab.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export RATE_LIMIT_ENABLED=false FEEDBACK_PER_MINUTE=100000000 FEEDBACK_MAX_INTAKE_BACKLOG=100000000
mkdir -p load-tests/target
./run.sh --fresh > load-tests/target/gateway-ab-stack.log 2>&1 &
stackpid=$!
until grep -q "Ready in" load-tests/target/gateway-ab-stack.log; do sleep 2; done
gw=$(grep -E "^\s+gateway\s+ready" load-tests/target/gateway-ab-stack.log | grep -o "pid [0-9]*" | cut -d' ' -f2)
token=$(scripts/token dr.rao)
article=$(curl -s localhost:8080/api/v1/articles/is-it-good-or-bad-to-crack-your-back | jq -r .id)
ticks() { awk '{print $14+$15}' /proc/$gw/stat; }
measure() { # name, then wrk args
  local name=$1; shift
  local t0; t0=$(ticks)
  local out; out=$(wrk -t2 -c32 -d30s --latency "$@")
  local t1; t1=$(ticks)
  local n; n=$(echo "$out" | grep -oE "^\s+[0-9]+ requests" | grep -oE "[0-9]+")
  local bad; bad=$(echo "$out" | grep -oE "Non-2xx or 3xx responses: [0-9]+" | grep -oE "[0-9]+$" || echo 0)
  echo "$name: $n requests ($bad non-2xx) in 30 s, gateway $(echo "scale=3; ($t1-$t0)*10/$n" | bc) ms CPU per request"
}
cd load-tests
get=(-H "Authorization: Bearer $token" http://localhost:8080/api/v1/articles/is-it-good-or-bad-to-crack-your-back)
vote=(-s votes.lua http://localhost:8080/api/v1/feedback -- ab ARTICLE "$article")
echo "warm-up (2 x 60 s each)"
wrk -t2 -c32 -d60s "${get[@]}" > /dev/null; wrk -t2 -c32 -d60s "${vote[@]}" > /dev/null
wrk -t2 -c32 -d60s "${get[@]}" > /dev/null; wrk -t2 -c32 -d60s "${vote[@]}" > /dev/null
for round in 1 2; do
  measure "round $round GET article, signed in" "${get[@]}"
  measure "round $round POST vote" "${vote[@]}"
done
kill -TERM $stackpid; wait $stackpid || true
