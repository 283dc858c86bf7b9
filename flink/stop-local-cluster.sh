#!/usr/bin/env bash
# Stops the cluster flink/start-local-cluster.sh started (by the pids it wrote, nothing else).
set -u
cd "$(dirname "$0")"
for f in taskmanager.pid jobmanager.pid; do
  [[ -f $f ]] && kill "$(cat "$f")" 2>/dev/null && rm -f "$f"
done
