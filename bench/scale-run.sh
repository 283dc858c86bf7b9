#!/bin/sh
# The growth run (docs/capacity.md): `docextract run` over a corpus with a progress line every
# 5 s, each output line stamped with the epoch second, and the process tree's RSS sampled beside
# it, so docs/min and memory can be plotted over the run (io.docextract.bench.ScaleRunPlot).
# Usage: bench/scale-run.sh JAR INPUT_GLOB OUTPUT_DIR PREFIX
# Writes PREFIX-run.log (stamped output), PREFIX-rss.csv and PREFIX-progress.csv (epoch,done,total).
jar=$1; input=$2; output=$3; prefix=$4
fifo="$prefix.fifo"; rm -f "$fifo"; mkfifo "$fifo"
# The heap of the measured 4,000-document run (./docextract now starts with -Xmx1g -XX:+UseSerialGC).
nice java -Xmx4g -jar "$jar" run --pipeline pipelines/variants/synthetic-scale.yaml \
  --input "$input" --output "$output" --progress-every 5 > "$fifo" 2>&1 &
pid=$!
bench/sample-rss.sh "$pid" 5 > "$prefix-rss.csv" &
sampler=$!
while IFS= read -r line; do echo "$(date +%s) $line"; done < "$fifo" > "$prefix-run.log"
wait "$pid"; code=$?
wait "$sampler"
rm -f "$fifo"
echo "epoch,done,total" > "$prefix-progress.csv"
sed -nE 's/^([0-9]+) progress: ([0-9]+)\/([0-9]+) .*/\1,\2,\3/p' "$prefix-run.log" >> "$prefix-progress.csv"
echo "$(date +%s) exit $code" >> "$prefix-run.log"
tail -n 8 "$prefix-run.log"
