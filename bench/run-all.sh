#!/usr/bin/env bash
# Runs every scenario, medians of 3 runs, on the JDK given as $1 (default: the java on PATH).
# Benchmarks are run by hand, never in CI. Usage: bench/run-all.sh [JAVA_HOME] > results.md
# Environment: RUNS (3), WARMUP (2 s), JIT_QUIET (60 s: then warm up on until the JIT compilers are quiet,
# at most this long more; 0 = off), DURATION (5 s), SCENARIOS (the six of issue 6; the cluster and
# recovery ones run when named: SCENARIOS="cluster-uid cluster-fanout reconnect").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
java="${1:+$1/bin/}java"
jar="$(mktemp -d)/kalisocket-bench.jar"
cp "$here/target/kalisocket-bench.jar" "$jar"   # a copy: rebuilding during a run must not change it
common=(--runs "${RUNS:-3}" --warmup "${WARMUP:-2}" --jit-quiet "${JIT_QUIET:-60}" --duration "${DURATION:-5}")
# The load generator's own heap: a young generation large enough that it does not collect during a run (its G1
# pauses were 5-18 ms with the default heap, each charged to every message in flight by the latency figures).
load_jvm=(-Xms2g -Xmn1g)
only="${SCENARIOS:-echo latency idle broadcast handshake overload}"   # e.g. SCENARIOS="echo latency"
run() {
  [[ " $only " == *" $1 "* ]] || return 0
  # the scenario's own flags come last, so they win over the common ones
  nice -n -10 "$java" "${load_jvm[@]}" -jar "$jar" "$1" "${common[@]}" "${@:2}" 2>/dev/null || echo "($1 failed: exit $?)"
  echo
}
echo "# $("$java" -version 2>&1 | head -1), $(nproc) cores, $(date -u +%FT%TZ)"
echo
run echo --connections 100
run latency --connections 100 --rate 10000,20000
run idle --connections 10000
run broadcast --connections 10000
run handshake --connections 32
run overload --fd-limit 1024 --connections 256
run cluster-uid --connections 100 --rate 1000,2000,5000 --warmup 8   # JIT of the Redis path needs the longer warm-up
run cluster-fanout --connections 10000 --warmup 5
run reconnect --connections 10000 --messages 5
