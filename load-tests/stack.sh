# Sourced by the benchmark scripts: starts a fresh local stack as users get it and stops it on exit. Its data lives in
# load-tests/target/stack-data, not in the .data/ of ./run.sh: a benchmark neither wipes what a user keeps there nor
# leaves its hundred thousand votes behind for the next ./run.sh (which then waited half a minute for the wire server).
#
# The launcher runs services with a class-data-sharing archive that the first start of a build records when it
# stops (local-stack's ClassDataSharing). A start as users get it after that first one is what is measured.
console=load-tests/target/stack-console.log
stack_data=$PWD/load-tests/target/stack-data
mkdir -p load-tests/target

start_stack() { ./run.sh "$@" > "$console" 2>&1 & stack=$!; }
await_stack() {
  until grep -q "Press Ctrl-C" "$console"; do
    kill -0 $stack 2> /dev/null || { cat "$console"; echo "the local stack did not start" >&2; exit 1; }
    sleep 1
  done
}
fresh_stack() {
  start_stack --fresh --data-dir="$stack_data" "$@"
  trap 'kill -TERM $stack 2> /dev/null || true; wait $stack 2> /dev/null || true' EXIT
  await_stack
  if grep -q "recording its class-data-sharing archive" "$console"; then
    echo "First start of this build (its class-data-sharing archives are written when it stops): starting again."
    kill -TERM $stack; wait $stack || true
    start_stack --fresh --data-dir="$stack_data" "$@"
    await_stack
  fi
  echo "Local stack ready: $(grep 'Ready in' "$console")"
}
require_wrk() {
  command -v wrk > /dev/null && return
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)) > /dev/null
  else
    echo "wrk is needed: sudo apt-get install wrk" >&2; exit 1
  fi
}
