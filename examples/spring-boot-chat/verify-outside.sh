#!/usr/bin/env bash
# The "outside the checkout" check of docs/SPRING.md: installs KaliSocket (starter, BOM and what they need) into a
# private local Maven repository, copies this example to a temporary directory, away from the checkout and its
# parent pom, and builds it there as a user would: compile, the @SpringBootTest tests over a real WebSocket, the
# runnable jar, and RunnableJarIT (heartbeat, /actuator/health, SIGTERM -> 1012). The user's ~/.m2 is only read.
#   bash examples/spring-boot-chat/verify-outside.sh            (MVN_FLAGS=-o to stay offline)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/m2"
cp -r "${HOME}/.m2/repository" "$repo" 2>/dev/null || mkdir -p "$repo"
mvn -B -q ${MVN_FLAGS:-} -f "$root/pom.xml" -Dmaven.repo.local="$repo" -DskipTests install \
    -pl spring-boot-starter,bom -am
cp -r "$root/examples/spring-boot-chat" "$work/app"
rm -rf "$work/app/target"
cd "$work/app"
mvn -B ${MVN_FLAGS:-} -Dmaven.repo.local="$repo" verify
ls -l target/spring-boot-chat.jar
echo "spring-boot-chat built and verified outside the checkout, against the installed starter"
