#!/usr/bin/env bash
# Whole runs as a user starts them, timed from outside the process (wall time and peak resident
# memory, .NET start-up and the embedded silo's start included): the full baseline on each engine,
# then `ecosim compare` (4 paired seeds, 40 ticks) one and two runs at a time on each engine.
#   bench/whole-runs.sh [--quick] [RESULT_FILE]     (--quick: 4 ticks, 1 seed; the pipeline only)
#
# Paired mode: the single runs users make (the baseline with plots, without, and its first quarter, on
# each engine) interleaved round after round, so that a busy machine slows every command alike, then
# the median and range of each; with --before, the same commands of an earlier build (a copy of its
# bin/Release/net10.0 folder) in the same rounds, for a before-and-after table from one run.
#   bench/whole-runs.sh --paired [--repeats N] [--before OLD_ECOSIM_DLL] [RESULT_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

ticks=() horizon="full baseline" seeds=4 compare_ticks=40 paired=0 repeats=5 before=""
while [ $# -gt 0 ]; do
  case $1 in
    --quick) ticks=(--ticks 4); horizon="baseline, first 4 ticks"; seeds=1; compare_ticks=4; shift ;;
    --paired) paired=1; shift ;;
    --repeats) repeats=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    -*) echo "whole-runs.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
out=${1:-bench/results/whole-runs.txt}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build client/EcoSim.Client -c Release --nologo -v quiet
ecosim=client/EcoSim.Client/bin/Release/net10.0/ecosim.dll
base=scenarios/guangdong-baseline.yaml
policy=scenarios/one-third-basic-research.yaml

if [ "$paired" = 1 ]; then
  [ -x /usr/bin/time ] || { echo "whole-runs.sh --paired needs GNU time (/usr/bin/time)" >&2; exit 2; }
  [ -z "$before" ] || [ -f "$before" ] || { echo "whole-runs.sh: --before $before: no such file" >&2; exit 2; }
  builds=(after); [ -z "$before" ] || builds=(before after)
  cases=("orleans|--engine orleans" "reference|--engine reference"
         "orleans --no-plots|--engine orleans --no-plots" "reference --no-plots|--engine reference --no-plots"
         "orleans --ticks 1 --no-plots|--engine orleans --ticks 1 --no-plots" "reference --ticks 1 --no-plots|--engine reference --ticks 1 --no-plots")
  samples=$work/samples.tsv
  : > "$samples"
  echo "load at the start: $(uptime)" > "$out"
  for round in $(seq "$repeats"); do
    for c in "${cases[@]}"; do
      label=${c%%|*} args=${c#*|}
      for build in "${builds[@]}"; do
        dll=$ecosim; [ "$build" = after ] || dll=$before
        dir="$work/$build-$round-${label// /_}"
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e" -o "$work/t" dotnet "$dll" run "$base" $args --out "$dir" > /dev/null
        printf '%s\t%s\t%s\n' "$label" "$build" "$(cat "$work/t")" >> "$samples"
        # Both builds and both engines write the same metrics (the pins' bytes); a difference stops the bench.
        horizon_key=full; [[ $args != *--ticks* ]] || horizon_key=${args#*--ticks }; horizon_key=${horizon_key%% *}
        first="$work/first-$horizon_key.csv"
        if [ -f "$first" ]; then cmp -s "$first" "$dir/metrics.csv" || { echo "$label ($build) wrote a different metrics.csv" >&2; exit 1; }
        else cp "$dir/metrics.csv" "$first"; fi
        rm -rf "$dir"
      done
    done
  done
  echo "load at the end: $(uptime)" >> "$out"
  # Median and range of each command and build: "command | before | after" in seconds.
  python3 - "$samples" "${builds[*]}" "$repeats" >> "$out" <<'PY'
import statistics, sys
from collections import defaultdict
samples, builds, repeats = sys.argv[1], sys.argv[2].split(), sys.argv[3]
times = defaultdict(list)
order = []
for line in open(samples):
    label, build, seconds = line.rstrip("\n").split("\t")
    if label not in order: order.append(label)
    times[(label, build)].append(float(seconds))
print(f"medians of {repeats} interleaved rounds, wall seconds (range)")
print("| `ecosim run scenarios/guangdong-baseline.yaml ...` | " + " | ".join(builds) + " |")
print("|---|" + "---:|" * len(builds))
for label in order:
    cells = [f"{statistics.median(t):.2f} s ({min(t):.2f}-{max(t):.2f})" for t in (times[(label, b)] for b in builds)]
    print(f"| {label} | " + " | ".join(cells) + " |")
PY
  cat "$out"
  exit 0
fi

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
