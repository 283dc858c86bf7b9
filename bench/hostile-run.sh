#!/bin/sh
# The hostile inputs of issue 10 through `docextract run` with the default model (docs/hostile-inputs.md).
# Usage (from the repository, after `mvn package -DskipTests`, which also compiles the test classes):
#   bench/hostile-run.sh gen  WORK   generate the inputs into WORK/in (testing/HostileInputs) and a
#                                    trivial valid text file into WORK/baseline
#   bench/hostile-run.sh all  WORK   one run over all of WORK/in, both JVMs' RSS sampled every 0.5 s
#   bench/hostile-run.sh each WORK   one run per input (and the baseline), each timed, in WORK/each/
# Runs go through ./docextract, so with the launcher's JVM options (-Xmx1g -XX:+UseSerialGC unless
# DOCEXTRACT_JAVA_OPTS is set), under nice (the machine is shared).
set -eu
mode=$1; work=$(mkdir -p "$2" && cd "$2" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# The pipeline: one receipt type, the model settings of pipelines/sample-docs.yaml, default limits.
pipeline() {
  cat > "$work/hostile.yaml" <<EOF
name: hostile-smollm2
input: $work/in/*
output: $work/out
model:
  name: smollm2-135m-instruct
  contextSize: 8192
  parallel: 1
  threads: 2
  maxTokens: 384
batchSize: 4
documentTypes:
  - name: receipt
    schema: $repo/schemas/receipt.schema.json
    prompt:
      instructions: |
        You extract data from shop receipts. Copy each value exactly as printed: the company
        name, the purchase date, the shop's address, and the total amount paid.
EOF
}

# Every 0.5 s until PID exits: epoch, parent VmRSS, parent VmHWM, children's VmRSS, children's
# VmHWM (summed over the descendants alive at that moment), MB.
sample() {
  pid=$1
  echo "t,main_rss,main_hwm,kids_rss,kids_hwm"
  while [ -d "/proc/$pid" ]; do
    m=$(kb "$pid" VmRSS); h=$(kb "$pid" VmHWM); kr=0; kh=0
    for c in $(descendants "$pid"); do
      r=$(kb "$c" VmRSS); w=$(kb "$c" VmHWM); kr=$((kr + ${r:-0})); kh=$((kh + ${w:-0}))
    done
    [ -z "$m" ] && break
    echo "$(date +%s.%N | cut -c1-13),$((m / 1024)),$((h / 1024)),$((kr / 1024)),$((kh / 1024))"
    sleep 0.5
  done
}
descendants() { for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do echo "$c"; descendants "$c"; done; }
# (a process may end between listing and reading: never fail, the caller treats empty as 0)
kb() { awk -v k="$2:" '$1 == k {print $2}' /proc/"$1"/status 2>/dev/null || true; }
peaks() {  # peak parent VmHWM, peak child VmHWM, their sum (MB)
  awk -F, 'NR > 1 { if ($3 > mh) mh = $3; if ($5 > kh) kh = $5 } END { printf "%d,%d,%d", mh, kh, mh + kh }' "$1"
}

# Runs ./docextract with the given arguments under nice, sampling it; LABEL.log, LABEL-rss.csv.
# Prints: exit code, wall seconds, parent peak, child peak, sum.
timed_run() {
  label=$1; shift
  t0=$(date +%s.%N)
  nice ./docextract "$@" > "$label.log" 2>&1 &
  pid=$!
  sample "$pid" > "$label-rss.csv" &
  sampler=$!
  code=0; wait "$pid" || code=$?
  t1=$(date +%s.%N)
  wait "$sampler"
  echo "$code,$(echo "$t1 - $t0" | bc | awk '{printf "%.1f", $1}'),$(peaks "$label-rss.csv")"
}

case $mode in
  gen)
    rm -rf "$work/in" "$work/baseline"; mkdir -p "$work/in" "$work/baseline"
    cat > "$work/Gen.java" <<'EOF'
public class Gen {
  public static void main(String[] a) throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(a[0]);
    io.docextract.testing.HostileInputs.writeAll(dir).forEach((k, v) -> System.out.println(k + "\t" + v));
  }
}
EOF
    java -cp target/test-classes:target/docextract.jar "$work/Gen.java" "$work/in" > "$work/expected.tsv"
    printf 'KEDAI BASELINE SDN BHD\nNO 1, JALAN SATU\n01/02/2019\nTOTAL 9.00\n' > "$work/baseline/baseline.txt"
    ls -la "$work/in"; cat "$work/expected.tsv"
    ;;
  all)
    pipeline; rm -rf "$work/out"
    r=$(timed_run "$work/all" run --pipeline "$work/hostile.yaml")
    echo "exit,seconds,parent_hwm_mb,child_hwm_mb,sum_mb"; echo "$r"
    jq -c '{inputs, records, review, review_by_reason, wall_seconds, peak_rss_mb}' "$work/out/summary.json"
    ;;
  each)
    pipeline; rm -rf "$work/each"; mkdir -p "$work/each"
    echo "input,exit,seconds,parent_hwm_mb,child_hwm_mb,sum_mb,ends" > "$work/each.csv"
    for f in "$work/baseline/baseline.txt" "$work"/in/*; do
      name=$(basename "$f"); out="$work/each/$name"
      r=$(timed_run "$out" run --pipeline "$work/hostile.yaml" --input "$f" --output "$out")
      # Where each document of the file ended: "record" or the review reason, by source.
      ends=$(cat "$out"/records-*.jsonl "$out"/review-*.jsonl 2>/dev/null \
        | jq -r '(.source | sub(".*/in/|.*/baseline/"; "")) + "=" + (.reason // "record")' | sort | paste -sd' ')
      echo "$name,$r,$ends" | tee -a "$work/each.csv"
    done
    ;;
  *) echo "usage: $0 gen|all|each WORK" >&2; exit 2 ;;
esac
