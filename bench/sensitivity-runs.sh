#!/usr/bin/env bash
# `ecosim sensitivity` as a user starts it, timed from outside the process (.NET start-up and the
# embedded silo's start included), reported as runs per minute: Morris with 8 parameters and 10
# trajectories (90 design points, one seed each) on the full baseline, on the embedded silo.
#   bench/sensitivity-runs.sh [--quick] [--sobol] [RESULT_FILE]
#     --quick: 8 ticks instead of the whole horizon (checks the script, not the speed)
#     --sobol: also Sobol with 6 parameters at N = 256 (2,048 points; over an hour on two cores)
set -euo pipefail
cd "$(dirname "$0")/.."

ticks=() horizon="full baseline" sobol=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) ticks=(--ticks 8); horizon="baseline, first 8 ticks"; shift ;;
    --sobol) sobol=1; shift ;;
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

# One timed analysis of RUNS runs: "label: S s, R runs per minute" into the result file.
timed() {
  local label=$1 runs=$2; shift 2
  local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v r="$runs" 'BEGIN { printf "%s: %.1f s, %.1f runs per minute\n", l, e - s, r * 60 / (e - s) }' >> "$out"
}

: > "$out"
timed "morris, 8 parameters x 10 trajectories (90 points x 1 seed), Orleans engine (embedded silo), $horizon, 2 at a time" 90 \
  dotnet "$ecosim" sensitivity "$base" --method morris "${eight[@]}" --samples 10 --seeds 1 "${ticks[@]}" --parallel 2 --no-plots --out "$work/morris-orleans"
timed "morris, 8 parameters x 10 trajectories (90 points x 1 seed), reference engine, $horizon, 2 at a time" 90 \
  dotnet "$ecosim" sensitivity "$base" --method morris "${eight[@]}" --samples 10 --seeds 1 "${ticks[@]}" --engine reference --parallel 2 --no-plots --out "$work/morris-reference"
cmp "$work/morris-orleans/indices.csv" "$work/morris-reference/indices.csv" || { echo "the engines wrote different indices.csv" >&2; exit 1; }
if [ "$sobol" = 1 ]; then
  timed "sobol, 6 parameters at N = 256 (2,048 points x 1 seed), Orleans engine (embedded silo), $horizon, 2 at a time" 2048 \
    dotnet "$ecosim" sensitivity "$base" --method sobol "${eight[@]:0:12}" --samples 256 --seeds 1 "${ticks[@]}" --parallel 2 --no-plots --out "$work/sobol"
fi
cat "$out"
