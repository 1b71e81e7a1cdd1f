#!/usr/bin/env bash
# Every test of the platform, as CI runs it: the modules' own tests and the end-to-end suites side by side.
#
# `./mvnw verify` runs the same tests one after the other: Maven starts a module only once every module it depends on
# has finished its tests, so the end-to-end suites (local-stack, which runs every service's jar) waited for all of
# them. Each half leaves a third of two cores idle on its own (the broker outage the robustness suite waits out, the
# sign-in throttle's delays, a browser driven one step at a time); side by side they fill it.
#
#   1. every module built and installed, its tests compiled, none run (the end-to-end stack runs these jars);
#   2. the end-to-end suites in the background (their output in local-stack/target/end-to-end.log, shown when the
#      modules are done), the modules' tests in the foreground, three modules at a time on two cores (MODULE_THREADS,
#      a Maven -T value: the module suites wait on brokers, timeouts and browsers too; 1.5C filled the cores better
#      than 1C: 364 s against 378 s for the whole run, back to back), at a lower CPU priority (MODULE_NICENESS,
#      default 10): the end-to-end chain is the longer one and waits on itself (a stack to start, a broker outage
#      to sit out, Lighthouse), so it gets the cores when it can use them and the modules take what it leaves
#      (back to back, with Lighthouse: 378 s without it, 335 s with it, the two halves ending 9 s apart instead of
#      66 s). The second half does not repackage the services' jars, which the running stack uses.
#
# Arguments go to every Maven call (for example -o to stay offline). Exits non-zero if either half failed.
set -euo pipefail
cd "$(dirname "$0")"

# Two Maven processes share ~/.m2: file locks keep them from writing the same download at once.
mvn=(./mvnw -B -ntp -Daether.syncContext.named.factory=file-lock -Daether.syncContext.named.nameMapper=file-gav "$@")

started=$SECONDS
"${mvn[@]}" install -DskipTests
echo "Built and installed in $((SECONDS - started)) s; now the modules' tests, and the end-to-end suites beside them."

log=local-stack/target/end-to-end.log
"${mvn[@]}" -Dspotless.check.skip=true verify -pl local-stack > "$log" 2>&1 &
end_to_end=$!
trap 'kill -TERM $end_to_end 2> /dev/null || true' INT TERM

modules=0
nice -n "${MODULE_NICENESS:-10}" "${mvn[@]}" -T "${MODULE_THREADS:-1.5C}" -Dspotless.check.skip=true -Dspring-boot.repackage.skip=true verify -pl '!local-stack' || modules=$?
echo "The modules' tests ended (status $modules) after $((SECONDS - started)) s; the end-to-end suites' output ($log):"
tail -n +1 -f --pid=$end_to_end "$log"
e2e=0
wait $end_to_end || e2e=$?

echo "Modules: $([[ $modules == 0 ]] && echo passed || echo FAILED); end to end (local-stack):" \
  "$([[ $e2e == 0 ]] && echo passed || echo FAILED); $((SECONDS - started)) s in all."
(( modules == 0 && e2e == 0 ))
