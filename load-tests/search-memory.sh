#!/usr/bin/env bash
# Resident memory of the searching services under search load (PLATFORM.md: each service under 350 MB): a fresh local
# stack with rate limits off, wrk through the gateway with a staff token (so every search is computed, never served
# from the edge cache), 8 connections, 6,000 distinct lay queries made of the judged queries' words; WARM_UP_SECONDS of
# load, then MEASURE_SECONDS measured: searches per second, CPU per search of article-service, exercise-service and
# the gateway (from /proc), their resident size at the end, and article-service's heap as the JVM reports it.
#
#   ./load-tests/search-memory.sh
#   PLATFORM_JVM_OPTIONS="-Xmn32m" ./load-tests/search-memory.sh     # other JVM options for every process, to compare
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export RATE_LIMIT_ENABLED=false
source load-tests/stack.sh
require_wrk
fresh_stack

queries=load-tests/target/search-memory-queries.txt
grep -o '"query": *"[^"]*"' local-stack/src/main/resources/demo/search/judged-queries.json \
  | sed 's/"query": *"\(.*\)"/\1/' | tr ' ' '\n' | awk 'length($0) > 2' | sort -u \
  | awk 'BEGIN { srand(7) } { w[n++] = $0 } END {
      while (count < 6000) {
        q = w[int(rand() * n)]; k = 1 + int(rand() * 3)
        for (i = 1; i < k; i++) q = q "%20" w[int(rand() * n)]
        if (!(q in seen)) { seen[q] = 1; print q; count++ }
      } }' > "$queries"

token=$("$root"/scripts/token dr.rao)
pid() { pgrep -f "$1.jar" | head -1; }
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$1/status"; }
load() { (cd load-tests && wrk -t2 -c8 -d"$1"s -s search.lua -H "Authorization: Bearer $token" http://localhost:8080 -- "$root/$queries"); }
article=$(pid article-service); exercise=$(pid exercise-service); gateway=$(pid gateway)

load "${WARM_UP_SECONDS:-90}" > /dev/null
before=($(cpu "$article") $(cpu "$exercise") $(cpu "$gateway"))
out=$(load "${MEASURE_SECONDS:-90}")
searches=$(echo "$out" | awk '/requests in/ { print $1 }')
per_search() { awk -v t="$(getconf CLK_TCK)" -v d="$1" -v n="$searches" 'BEGIN { printf "%.2f", d * 1000 / t / n }'; }
echo "$out" | grep -E "Latency|Requests/sec"
echo "CPU ms per search: article-service $(per_search $(( $(cpu "$article") - before[0] )))," \
  "exercise-service $(per_search $(( $(cpu "$exercise") - before[1] ))), gateway $(per_search $(( $(cpu "$gateway") - before[2] )))"
echo "Resident MB: article-service $(rss "$article"), exercise-service $(rss "$exercise"), gateway $(rss "$gateway")"
jcmd "$article" GC.heap_info | grep -E "def new|tenured|Metaspace" | sed 's/^ */article-service heap: /'
