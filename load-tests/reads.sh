#!/usr/bin/env bash
# The read paths at saturation, side by side in one run (PLATFORM.md's read targets): a fresh local stack with rate
# limits off, wrk with a fixed number of connections for a fixed time on each path, every path measured twice
# interleaved after a warm-up, CPU per request of every process from /proc. Writes load-tests/results/READS.md.
# The paths: the article as JSON (direct, through the gateway, from the edge cache), the composed article page, the
# reader site's article page (from the edge cache, and rendered each time) and search (computed each time also at 2, 4
# and 8 connections: its target is judged at the fewest connections that saturate the stack).
#
#   ./load-tests/reads.sh                             # 15 s per measurement, 32 connections
#   SECONDS_PER_PHASE=30 CONNECTIONS=64 ./load-tests/reads.sh
#   WARM_UP_SECONDS=180 ./load-tests/reads.sh          # minutes of warm-up per path (the rendered reader page needs it)
#
# Besides the stack it starts one more article-service instance (:8091) whose view store is turned off
# (PUBLIC_VIEWS_SIZE=0): the cost of building an article page is measured there, never hidden
# behind the cache that fronts it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export RATE_LIMIT_ENABLED=false
source load-tests/stack.sh
require_wrk
fresh_stack

jar=article-service/target/article-service.jar
PORT=8091 MANAGEMENT_PORT=18091 MONGODB_URI=mongodb://127.0.0.1:27017/article-service KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 \
  JWT_ISSUER_URI=http://localhost:9000 JWT_JWK_SET_URI=http://localhost:9000/oauth2/jwks \
  STAFF_DIRECTORY_URL=http://localhost:9000/api/v1/staff PUBLIC_VIEWS_SIZE=0 \
  MALLOC_ARENA_MAX=2 java @local-stack/src/main/resources/service-jvm.options \
  -jar "$jar" > load-tests/target/article-service-views-off.log 2>&1 &
views_off=$!
trap 'kill $views_off 2> /dev/null || true; kill -TERM $stack 2> /dev/null || true; wait $stack 2> /dev/null || true' EXIT
until curl -sf http://localhost:8091/readyz > /dev/null; do
  kill -0 $views_off 2> /dev/null || { tail -50 load-tests/target/article-service-views-off.log; exit 1; }
  sleep 1
done

cd load-tests
../mvnw -q -B test-compile
classpath="target/test-classes:$(../mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=/dev/stdout)"
java -cp "$classpath" -DwarmUpSeconds="${WARM_UP_SECONDS:-30}" com.healthcontent.loadtests.ReadSaturation "$root/$console" "$views_off" \
  "${SECONDS_PER_PHASE:-15}" "${CONNECTIONS:-32}" "$("$root"/scripts/token ana.author)" "$root/load-tests/results/READS.md"
