#!/usr/bin/env bash
# A local Flink 1.19 standalone session cluster (one JobManager, one TaskManager with 2 slots)
# started from the flink-runtime classes inside docextract's -Prunners jar, because flink-dist
# (bin/start-cluster.sh) is not reachable from this machine. Same entrypoints the Flink scripts
# start; the TaskManager's memory flags come from Flink's own BashJavaUtils, as taskmanager.sh does.
set -euo pipefail
# usage: flink/start-local-cluster.sh [JAR]   (default: target/docextract.jar built with -Prunners)
here="$(cd "$(dirname "$0")" && pwd)"
JAR=$(realpath "${1:-$here/../target/docextract.jar}")
cd "$here"
mkdir -p log
nice java -Xmx512m -cp "$JAR" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
  --configDir conf > log/jobmanager.log 2>&1 &
echo $! > jobmanager.pid
params=$(java -cp "$JAR" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS --configDir conf 2>/dev/null | grep BASH_JAVA_UTILS_EXEC_RESULT | sed 's/BASH_JAVA_UTILS_EXEC_RESULT://')
jvm=$(echo "$params" | sed -n 1p)
dyn=$(echo "$params" | sed -n 2p)
# shellcheck disable=SC2086
nice java $jvm -cp "$JAR" org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir conf $dyn \
  > log/taskmanager.log 2>&1 &
echo $! > taskmanager.pid
for _ in $(seq 60); do
  if curl -sf localhost:8081/overview | grep -q '"taskmanagers":1'; then
    curl -s localhost:8081/overview; echo; exit 0
  fi
  sleep 1
done
echo "cluster did not come up; see log/" >&2; exit 1
