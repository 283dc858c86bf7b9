#!/usr/bin/env bash
# The receipt pipeline on embedded Flink and on a standalone Flink cluster started from the
# project's own files (flink/start-local-cluster.sh), same receipts, same parallelism: prints both
# docs/min, their ratio, and whether the outputs agree by id, route and fields.
# With --kill-taskmanager, the cluster run instead loses its TaskManager (kill -9) once the model
# is answering, a new TaskManager is started, and the job must end with every input exactly once.
#
# usage: bench/flink-cluster.sh [--receipts N] [--parallelism P] [--kill-taskmanager] [--stage-full-jar]
# Receipts are the test part of splits/sroie-train-text.json (given as their OCR lines).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=20; par=1; kill_tm=0; stage=()
while (($#)); do
  case "$1" in
    --stage-full-jar) stage=(--filesToStage="$PWD/target/docextract-runners.jar") ;;
    --receipts) n=$2; shift ;;
    --parallelism) par=$2; shift ;;
    --kill-taskmanager) kill_tm=1 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
jar="$PWD/target/docextract-runners.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
  mvn -B -q -ntp package -DskipTests -Prunners -Ddocextract.jar=docextract-runners
fi
work=$(mktemp -d /tmp/flink-bench.XXXXXX)
((${#stage[@]})) || stage=(--filesToStage="$work/stage-stub.jar")
python3 - "$n" "$work/in" <<'PY'
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
split = json.load(open("splits/sroie-train-text.json"))
for doc in split["test"][:n]:
    stem = os.path.splitext(doc)[0]
    rows = open(f"../shared/data/sroie-train-text/ocr_boxes/{stem}.csv", encoding="utf-8").read().splitlines()
    text = "".join(r.split(",", 8)[8] + "\n" for r in rows if len(r.split(",", 8)) == 9)
    open(f"{out}/{stem}.txt", "w", encoding="utf-8").write(text)
PY
# The cluster from flink/start-local-cluster.sh runs on this same jar (parent-first class
# loading), so the job need not upload its 302 MB copy of it to the JobManager for every run:
# a stub jar is staged instead (--stage-full-jar stages the whole jar, as for a cluster that
# lacks the job's classes). The upload was most of a ~17 s fixed cost per cluster job here.
stub="$work/stage-stub.jar"
mkdir -p "$work/stub" && echo "the job's classes are on the cluster's classpath" > "$work/stub/README"
jar cf "$stub" -C "$work/stub" README
run() { # name, flinkMaster, extra args
  java -Xmx1g -XX:+UseSerialGC -jar "$jar" run --pipeline pipelines/receipt.yaml \
    --input "$work/in/*" --output "$work/$1" --runner=FlinkRunner --flinkMaster="$2" \
    --parallelism="$par" "${@:3}" > "$work/$1.log" 2>&1
}
cluster_up() {
  flink/start-local-cluster.sh "$jar" > "$work/cluster.log"
}
cluster_down() { flink/stop-local-cluster.sh > /dev/null 2>&1 || true; }
trap cluster_down EXIT

if ((kill_tm)); then
  cluster_up
  run cluster localhost:8081 "${stage[@]}" &
  job=$!
  # Kill the TaskManager once the first answers are written to its log (the model is decoding).
  for _ in $(seq 600); do
    grep -q "loaded model" flink/log/taskmanager.log 2>/dev/null && break
    sleep 1
  done
  sleep 20
  tm=$(cat flink/taskmanager.pid)
  echo "kill -9 TaskManager $tm at $(date +%T)"
  kill -9 "$tm"
  sleep 5
  params=$(java -cp "$jar" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS \
    --configDir flink/conf 2>/dev/null | grep BASH_JAVA_UTILS_EXEC_RESULT \
    | sed 's/BASH_JAVA_UTILS_EXEC_RESULT://')
  # shellcheck disable=SC2086
  (cd flink && { nice java $(echo "$params" | sed -n 1p) -cp "$jar" \
    org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir conf \
    $(echo "$params" | sed -n 2p) >> log/taskmanager.log 2>&1 & echo $! > taskmanager.pid; })
  echo "new TaskManager $(cat flink/taskmanager.pid) at $(date +%T)"
  wait "$job" || { echo "the job failed; see $work/cluster.log"; tail -20 "$work/cluster.log"; exit 1; }
  tail -4 "$work/cluster.log"
  # What the JobManager saw: the job's failures before it finished (the lost TaskManager).
  jid=$(curl -s localhost:8081/jobs/overview | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobs"][0]["jid"])')
  curl -s "localhost:8081/jobs/$jid/exceptions" | python3 -c '
import json, sys
h = json.load(sys.stdin).get("exceptionHistory", {}).get("entries", [])
print(f"the JobManager recorded {len(h)} failure(s) before the job finished:")
for e in h:
    print("  " + e.get("exceptionName", "?") + ": " + (e.get("stacktrace", "").splitlines() or [""])[0][:160])'
  curl -s "localhost:8081/jobs/$jid" | python3 -c 'import json,sys; j=json.load(sys.stdin); print("job", j["state"])' 
  python3 - "$work" "$n" <<'PY'
import glob, json, sys, collections
work, n = sys.argv[1], int(sys.argv[2])
seen = collections.Counter()
for f in glob.glob(f"{work}/cluster/*.jsonl"):
    for line in open(f):
        seen[json.loads(line)["source"].rsplit("/", 1)[-1]] += 1
twice = [k for k, v in seen.items() if v > 1]
print(f"after the TaskManager kill: {len(seen)} of {n} inputs in the outputs, {len(twice)} twice")
sys.exit(0 if len(seen) == n and not twice else 1)
PY
  exit $?
fi

# Embedded first, then the cluster, then embedded again: drift shows as two different embedded
# figures; the ratio uses their mean.
run embedded-1 '[local]'
cluster_up
run cluster localhost:8081 "${stage[@]}"
cluster_down
run embedded-2 '[local]'
python3 - "$work" <<'PY'
import glob, json, sys
work = sys.argv[1]
def rate(name):
    s = json.load(open(f"{work}/{name}/summary.json"))
    assert s["inputs"] == s["records"] + s["review"], s
    return s["docs_per_minute"], s
def lines(name):
    out = {}
    for f in glob.glob(f"{work}/{name}/*.jsonl"):
        route = "record" if f.rsplit("/", 1)[-1].startswith("records") else "review"
        for line in open(f):
            o = json.loads(line)
            out[o["id"] + " " + o["source"].rsplit("/", 1)[-1]] = (route, o.get("fields"))
    return out
e1, s = rate("embedded-1"); c, _ = rate("cluster"); e2, _ = rate("embedded-2")
same = lines("embedded-1") == lines("cluster")
print(f"{s['inputs']} receipts: embedded {e1:.1f} / {e2:.1f} docs/min, cluster {c:.1f} docs/min,"
      f" ratio {c / ((e1 + e2) / 2):.2f}; outputs {'identical' if same else 'DIFFER'} by id, route and fields")
PY
