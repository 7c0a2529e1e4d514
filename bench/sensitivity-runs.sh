#!/usr/bin/env bash
# `ecosim sensitivity` as a user starts it, timed from outside the process (.NET start-up and the
# embedded silo's start included), reported as runs per minute: Morris with 8 parameters and 10
# trajectories (90 design points, one seed each) on the full baseline, on the embedded silo or on a
# cluster, and Sobol with the first 6 of them at N = 256 (2,048 points).
#   bench/sensitivity-runs.sh [--quick] [--sobol] [--trajectories R] [--sobol-samples N] [--cluster URL]
#                             [--parallel P] [--orleans-only] [RESULT_FILE]
#     --quick: 8 ticks instead of the whole horizon (checks the script, not the speed)
#     --sobol: also Sobol with 6 parameters (at N = 256: over an hour on two cores)
#     --trajectories R, --sobol-samples N: a smaller design of the same parameters, runs of the same cost,
#       so its runs per minute stand for the whole design's (the projected time for 90 or 2,048 points is printed)
#     --cluster URL: run on that cluster's silos (e.g. three silo processes of scripts/cluster.sh) instead of
#       the embedded silo; the reference engine is then not run
#     --parallel P: runs at a time [default 2]
#     --orleans-only: skip the reference engine's run of the Morris design (and the comparison of their bytes)
set -euo pipefail
cd "$(dirname "$0")/.."

ticks=() horizon="full baseline" sobol=0 trajectories=10 sobol_samples=256 cluster=() where="embedded silo" parallel=2 reference=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) ticks=(--ticks 8); horizon="baseline, first 8 ticks"; shift ;;
    --sobol) sobol=1; shift ;;
    --trajectories) trajectories=$2; shift 2 ;;
    --sobol-samples) sobol_samples=$2; shift 2 ;;
    --cluster) cluster=(--cluster "$2"); where="cluster $2"; reference=0; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    --orleans-only) reference=0; shift ;;
    *) break ;;
  esac
done
out=${1:-bench/results/sensitivity-runs.txt}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build client/EcoSim.Client -c Release --nologo -v quiet
ecosim=client/EcoSim.Client/bin/Release/net10.0/ecosim.dll
base=scenarios/guangdong-baseline.yaml
eight=(--param basicShare=0.1:0.4 --param researcherElasticity=0.5:0.9 --param stockElasticity=0.2:0.6 --param knowledgeSpillover=0.1:0.5
       --param innovationZeta=10:30 --param imitationZeta=5:15 --param adoptionImitationRate=0.5:1.3 --param demandGrowth=0.01:0.05)

# One timed analysis of RUNS runs: "label: S s, R runs per minute" into the result file, and the
# time the whole design of FULL runs would take at that rate.
timed() {
  local label=$1 runs=$2 full=$3; shift 3
  local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v r="$runs" -v f="$full" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { rate = r * 60 / (e - s); printf "%s: %.1f s, %.1f runs per minute; %d runs would take %.0f min (load average %s)\n", l, e - s, rate, f, f / rate, load }' >> "$out"
}

morris_points=$((trajectories * 9))
sobol_points=$((sobol_samples * 8))
: > "$out"
timed "morris, 8 parameters x $trajectories trajectories ($morris_points points x 1 seed), Orleans engine ($where), $horizon, $parallel at a time" "$morris_points" 90 \
  dotnet "$ecosim" sensitivity "$base" --method morris "${eight[@]}" --samples "$trajectories" --seeds 1 "${ticks[@]}" "${cluster[@]}" --parallel "$parallel" --no-plots --out "$work/morris-orleans"
if [ "$reference" = 1 ]; then
  timed "morris, 8 parameters x $trajectories trajectories ($morris_points points x 1 seed), reference engine, $horizon, $parallel at a time" "$morris_points" 90 \
    dotnet "$ecosim" sensitivity "$base" --method morris "${eight[@]}" --samples "$trajectories" --seeds 1 "${ticks[@]}" --engine reference --parallel "$parallel" --no-plots --out "$work/morris-reference"
  cmp "$work/morris-orleans/indices.csv" "$work/morris-reference/indices.csv" || { echo "the engines wrote different indices.csv" >&2; exit 1; }
fi
if [ "$sobol" = 1 ]; then
  timed "sobol, 6 parameters at N = $sobol_samples ($sobol_points points x 1 seed), Orleans engine ($where), $horizon, $parallel at a time" "$sobol_points" 2048 \
    dotnet "$ecosim" sensitivity "$base" --method sobol "${eight[@]:0:12}" --samples "$sobol_samples" --seeds 1 "${ticks[@]}" "${cluster[@]}" --parallel "$parallel" --no-plots --out "$work/sobol"
fi
cat "$out"
