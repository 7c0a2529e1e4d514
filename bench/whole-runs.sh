#!/usr/bin/env bash
# Whole runs as a user starts them, timed from outside the process (wall time and peak resident
# memory, .NET start-up and the embedded silo's start included): the full baseline on each engine,
# then `ecosim compare` (4 paired seeds, 40 ticks) one and two runs at a time on each engine.
#   bench/whole-runs.sh [--quick] [RESULT_FILE]     (--quick: 4 ticks, 1 seed; the pipeline only)
set -euo pipefail
cd "$(dirname "$0")/.."

ticks=() horizon="full baseline" seeds=4 compare_ticks=40
if [ "${1:-}" = --quick ]; then ticks=(--ticks 4); horizon="baseline, first 4 ticks"; seeds=1; compare_ticks=4; shift; fi
out=${1:-bench/results/whole-runs.txt}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build client/EcoSim.Client -c Release --nologo -v quiet
ecosim=client/EcoSim.Client/bin/Release/net10.0/ecosim.dll
base=scenarios/guangdong-baseline.yaml
policy=scenarios/one-third-basic-research.yaml

# One timed command: "label: seconds s, peak KB" into the result file (peak only where GNU time exists).
timed() {
  local label=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$label: %e s, peak resident %M KB" -a -o "$out" "$@" > /dev/null
  else
    local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
    echo "$label: $(echo "$end - $start" | bc) s (install GNU time for the peak memory)" >> "$out"
  fi
}

: > "$out"
timed "run, reference engine, $horizon" dotnet "$ecosim" run "$base" "${ticks[@]}" --engine reference --no-plots --out "$work/r"
timed "run, Orleans engine (embedded silo), $horizon" dotnet "$ecosim" run "$base" "${ticks[@]}" --no-plots --out "$work/o"
cmp "$work/r/metrics.csv" "$work/o/metrics.csv" || { echo "the engines wrote different metrics.csv" >&2; exit 1; }
for engine in reference orleans; do
  for parallel in 1 2; do
    timed "compare, $engine engine, $seeds paired seeds x $compare_ticks ticks, $parallel at a time" \
      dotnet "$ecosim" compare "$base" "$policy" --seeds "$seeds" --ticks "$compare_ticks" --engine "$engine" --no-plots --parallel "$parallel" --out "$work/c-$engine-$parallel"
  done
done
cat "$out"
