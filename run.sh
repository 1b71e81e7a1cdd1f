#!/usr/bin/env bash
# Builds what is missing, then starts the whole platform in the foreground: a Kafka broker (KRaft), a MongoDB
# wire server, the authorization server, the three services, the gateway on :8080 and behind it the reader site
# (:8080/) and the reviewer console (:8080/console/), with demo content.
# Ctrl-C (or SIGTERM) stops everything it started.
#
#   ./run.sh               start, keeping data from the last run (in .data/)
#   ./run.sh --fresh       start from empty data
#   ./run.sh --no-demo     do not load the demo content
#   ./run.sh --port-offset=100   every port shifted by 100 (to run a second stack beside the first)
set -euo pipefail
cd "$(dirname "$0")"

modules=(auth-server article-service exercise-service feedback-service gateway console reader-site)
shared=(pom.xml events/src/main service-defaults/src/main editorial/src/main)

needs_build() {
  local launcher=local-stack/target/classes/com/healthcontent/localstack/LocalStack.class
  [[ -f $launcher && -d local-stack/target/lib ]] || return 0
  # Main sources only, and the launcher's own against it: the compiler leaves an unchanged launcher class alone, so a
  # changed test or shared module made every start rebuild (new jars, class-data-sharing archives recorded again).
  [[ -z $(find local-stack/src/main local-stack/pom.xml -newer "$launcher" -type f -print -quit) ]] || return 0
  for module in "${modules[@]}"; do
    local jar=$module/target/$module.jar
    [[ -f $jar ]] || return 0
    [[ -z $(find "$module/src/main" "$module/pom.xml" "${shared[@]}" -newer "$jar" -type f -print -quit) ]] || return 0
  done
  return 1
}

if needs_build; then
  mkdir -p .data
  echo "Building the platform (first time: downloads ~300 MB of dependencies; log in .data/build.log)..."
  if ! ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true package > .data/build.log 2>&1; then
    tail -n 40 .data/build.log
    echo "Build failed; full log in .data/build.log" >&2
    exit 1
  fi
fi

exec java -XX:+UseSerialGC -Xmx128m -Dlocalstack.root="$PWD" \
  -cp "local-stack/target/classes:local-stack/target/lib/*" com.healthcontent.localstack.LocalStack "$@"
