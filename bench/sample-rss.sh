#!/bin/sh
# Samples the resident memory of a process and all its descendants (the docextract JVM and its
# Tika parser JVM) every INTERVAL seconds until it exits, as CSV: epoch seconds, the root's RSS,
# the children's RSS, the total (MB), the 1-minute load average (the machine is shared) and the CPU
# seconds the root and its children have used so far (so CPU per document can be followed over the run).
# Usage: bench/sample-rss.sh PID [INTERVAL] > samples.csv
pid=$1; every=${2:-5}
echo "epoch,main_rss_mb,children_rss_mb,total_rss_mb,load1,cpu_s"
descendants() { for c in $(cat /proc/$1/task/*/children 2>/dev/null); do echo "$c"; descendants "$c"; done; }
rss_kb() { awk '/^VmRSS:/ {print $2}' /proc/$1/status 2>/dev/null || echo 0; }
# utime + stime (fields 14 and 15 of /proc/PID/stat, after the parenthesised name) in clock ticks.
ticks() { sed 's/.*) //' /proc/$1/stat 2>/dev/null | awk '{print $12 + $13}' || echo 0; }
hz=$(getconf CLK_TCK)
while [ -d /proc/$pid ]; do
  main=$(rss_kb "$pid"); kids=0; cpu=$(ticks "$pid")
  for c in $(descendants "$pid"); do
    kids=$((kids + $(rss_kb "$c" | sed 's/^$/0/'))); cpu=$((cpu + $(ticks "$c" | sed 's/^$/0/')))
  done
  [ -z "$main" ] && break
  echo "$(date +%s),$((main / 1024)),$((kids / 1024)),$(((main + kids) / 1024)),$(cut -d' ' -f1 /proc/loadavg),$((${cpu:-0} / hz))"
  sleep "$every"
done
