#!/usr/bin/env bash
# Who kept a thread off its core: records the kernel scheduler on one cpu for a few seconds (perf sched) and
# prints how often the thread waited over 1 ms to run after it was woken, and which tasks ran on that cpu meanwhile.
# Run it by hand beside a benchmark (never in CI), e.g. during the measurement of
#   java -jar bench/target/kalisocket-bench.jar latency --servers kali-inline --duration 30
# as: bench/sched-delays.sh kali-io 0 5      (the KaliSocket server's event loop, cpu 0, 5 s)
#     bench/sched-delays.sh multiThreadIoEv 0  (the baseline's)
# Needs perf (Debian's linux-perf) and root, or kernel.perf_event_paranoid <= 1.
set -euo pipefail
thread="${1:?usage: sched-delays.sh THREAD_NAME_PREFIX [CPU] [SECONDS]}"
cpu="${2:-0}"
seconds="${3:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# every cpu: a wake-up is recorded on the waker's cpu (the load's, for a reply). perf itself runs on the other
# core, so that it does not delay what it watches.
other=$(( cpu == 0 ? 1 : 0 ))
taskset -c "$other" perf sched record -a -o "$out/sched.data" -- sleep "$seconds" >/dev/null 2>&1
perf sched timehist -i "$out/sched.data" 2>/dev/null > "$out/timehist.txt"
python3 - "$out/timehist.txt" "$thread" "$cpu" "$seconds" <<'EOF'
import collections, re, sys
path, thread, seconds = sys.argv[1], sys.argv[2], sys.argv[4]
cpu_number = int(sys.argv[3])
cpu = "[%04d]" % cpu_number
line_re = re.compile(r'^\s*(\d+\.\d+)\s+(\[\d+\])\s+(.*?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$')
rows = [m.groups() for m in map(line_re.match, open(path)) if m]
rows = [(float(t), c, task, float(wait), float(delay), float(run)) for t, c, task, wait, delay, run in rows if c == cpu]
blame, delays, ran = collections.Counter(), [], 0.0
for t, _, task, _, delay, run in rows:
    if not task.startswith(thread):
        continue
    ran += run
    if delay < 1.0:
        continue
    delays.append(delay)
    began, woke = t - run / 1e3, t - run / 1e3 - delay / 1e3   # this slice began; the thread was woken
    for t2, _, task2, _, _, run2 in rows:                         # every slice that ended while it waited
        if woke < t2 <= began + 1e-6 and not task2.startswith(thread):
            blame[re.sub(r'\[.*', '', task2)] += min(run2, (t2 - woke) * 1e3)
print(f"{thread}* on cpu {cpu_number}, {seconds} s: ran {ran:.1f} ms; woken but waiting over 1 ms: {len(delays)} times, "
      f"{sum(delays):.1f} ms in all, longest {max(delays, default=0):.2f} ms")
print("ran on its cpu meanwhile (ms):")
for task, ms in blame.most_common(12):
    print(f"  {task:28s} {ms:8.2f}")
EOF
