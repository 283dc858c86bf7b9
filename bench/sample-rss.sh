#!/bin/sh
# Samples the resident memory of a process and all its descendants (the docextract JVM and its
# Tika parser JVM) every INTERVAL seconds until it exits, as CSV: epoch seconds, the root's RSS,
# the children's RSS, the total (MB), and the 1-minute load average (the machine is shared).
# Usage: bench/sample-rss.sh PID [INTERVAL] > samples.csv
pid=$1; every=${2:-5}
echo "epoch,main_rss_mb,children_rss_mb,total_rss_mb,load1"
descendants() { for c in $(cat /proc/$1/task/*/children 2>/dev/null); do echo "$c"; descendants "$c"; done; }
rss_kb() { awk '/^VmRSS:/ {print $2}' /proc/$1/status 2>/dev/null || echo 0; }
while [ -d /proc/$pid ]; do
  main=$(rss_kb "$pid"); kids=0
  for c in $(descendants "$pid"); do kids=$((kids + $(rss_kb "$c" | sed 's/^$/0/'))); done
  [ -z "$main" ] && break
  echo "$(date +%s),$((main / 1024)),$((kids / 1024)),$(((main + kids) / 1024)),$(cut -d' ' -f1 /proc/loadavg)"
  sleep "$every"
done
