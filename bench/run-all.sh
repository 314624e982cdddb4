#!/usr/bin/env bash
# Runs every scenario of docs/BENCHMARKS.md's reference table, medians of 3 runs, on the JDK given as $1 (default:
# the java on PATH). Benchmarks are run by hand, never in CI. Usage: bench/run-all.sh [JAVA_HOME] > results.md
# Environment: RUNS (3), WARMUP (2 s), JIT_QUIET (60 s: then warm up on until the JIT compilers are quiet, at most
# this long more; 0 = off), DURATION (5 s), SCENARIOS (default: every bar's scenario, listed below; the cluster and
# recovery ones run when named: SCENARIOS="cluster-uid cluster-fanout reconnect").
# The demo-* scenarios start the demo jar (demo/target/kalisocket-demo.jar, built by `mvn install`) pinned to cpu 0
# on DEMO_PORT (19641) and stop it afterwards; they are skipped, with a line saying so, when the jar is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
java="${1:+$1/bin/}java"
work="$(mktemp -d)"
jar="$work/kalisocket-bench.jar"
cp "$here/target/kalisocket-bench.jar" "$jar"   # a copy: rebuilding during a run must not change it
demo_jar="$here/../demo/target/kalisocket-demo.jar"
demo_port="${DEMO_PORT:-19641}"
demo_pid=""
common=(--runs "${RUNS:-3}" --warmup "${WARMUP:-2}" --jit-quiet "${JIT_QUIET:-60}" --duration "${DURATION:-5}")
# The load generator's own heap: a young generation large enough that it does not collect during a run (its G1
# pauses were 5-18 ms with the default heap, each charged to every message in flight by the latency figures).
load_jvm=(-Xms2g -Xmn1g)
only="${SCENARIOS:-echo flood latency idle broadcast handshake handshake-loops overload demo-handshake demo-crowd}"

wanted() { [[ " $only " == *" $1 "* ]]; }

bench() {
  # the scenario's own flags come last, so they win over the common ones
  nice -n -10 "$java" "${load_jvm[@]}" -jar "$jar" "$1" "${common[@]}" "${@:2}" 2>/dev/null || echo "($1 failed: exit $?)"
  echo
}

# Runs scenario $2 (flags after it) under the name $1, when SCENARIOS wants that name.
run_as() {
  wanted "$1" && bench "${@:2}"
  return 0
}

run() {
  run_as "$1" "$@"
}

stop_demo() {
  if [[ -n "$demo_pid" ]]; then
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
    demo_pid=""
  fi
}
trap 'stop_demo; rm -rf "$work"' EXIT

# Starts the demo on one core, with the per-IP limits off (every bench client comes from 127.0.0.1).
start_demo() {
  cp "$demo_jar" "$work/demo.jar"
  taskset -c 0 "$java" -jar "$work/demo.jar" --port "$demo_port" --set limits.idle-timeout=10m \
      --set limits.max-connections-per-ip=0 --set limits.handshakes-per-ip-per-second=0 > "$work/demo.log" 2>&1 &
  demo_pid=$!
  for _ in $(seq 1 120); do
    if grep -q "listening" "$work/demo.log" 2>/dev/null; then
      return 0
    fi
    sleep 0.5   # polling the demo's log for its start line, at most 60 s
  done
  echo "(the demo did not start within 60 s: $(tail -3 "$work/demo.log"))"
  stop_demo
  return 1
}

# Runs $2 (a function given the demo's URL and pid, then the rest) against a demo started for it, under the name $1.
run_demo() {
  wanted "$1" || return 0
  if [[ ! -f "$demo_jar" ]]; then
    echo "($1 skipped: $demo_jar missing; build it with mvn -q install -DskipTests)"
    echo
    return 0
  fi
  start_demo || return 0
  echo "## $1 (demo pid $demo_pid, port $demo_port)"
  echo
  "$2" "ws://127.0.0.1:$demo_port/" "$demo_pid" "${@:3}"
  stop_demo
}

# The handshake scenario with the demo as its target, beside the bench's own servers.
demo_handshake() {
  bench handshake "${@:3}" --target "$1" --target-pid "$2"
}

# N clients at once, each waiting for its welcome. The load on the other core, as the runner pins itself:
# unpinned, its JIT and GC took the demo's core too.
demo_crowd() {
  nice -n -10 taskset -c 1 "$java" "${load_jvm[@]}" -jar "$jar" crowd --target "$1" --pid "$2" "${@:3}" 2>/dev/null \
      || echo "(demo-crowd failed: exit $?)"
  echo
}

echo "# $("$java" -version 2>&1 | head -1), $(nproc) cores, $(date -u +%FT%TZ), $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
run echo --connections 100
run flood --connections 100
run latency --connections 100 --rate 10000
run idle --connections 10000
run idle --connections 19000
run broadcast --connections 10000
# A fixed rate, so every server does the same work; compared per server cpu-s (see docs/BENCHMARKS.md)
run handshake --rate 4000 --connections 64 --warmup 10
# Closed loops: handshakes a second (issue 6's bar); the load side saturates, so read the per-cpu-s row
run_as handshake-loops handshake --connections 32
run overload --fd-limit 1024 --connections 256
run_demo demo-handshake demo_handshake --rate 4000 --connections 64 --warmup 10 --servers kali
run_demo demo-crowd demo_crowd --connections 10000
run cluster-uid --connections 100 --rate 1000,2000,5000 --warmup 8   # JIT of the Redis path needs the longer warm-up
run cluster-fanout --connections 10000 --warmup 5
run reconnect --connections 10000 --messages 5
