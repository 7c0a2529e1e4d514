#!/usr/bin/env bash
# Reproduces every figure of docs/PERFORMANCE.md in one go: the BenchmarkDotNet suites, the scale
# harness (which also draws docs/images/performance-shards.png and performance-firms.png), and whole
# CLI runs timed from outside (bench/whole-runs.sh).
# About 8 minutes on a quiet 2-core machine. Run it on a quiet machine: nothing else building.
#
#   bench/run-all.sh           the full run (tables in bench/results/, plots in docs/images/)
#   bench/run-all.sh --quick   a smoke test of the same pipeline in about 5 minutes (numbers meaningless,
#                              plots stay in bench/results/quick/)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
case "${1:-}" in
  "") ;;
  --quick) mode=quick ;;
  *) echo "usage: bench/run-all.sh [--quick]" >&2; exit 2 ;;
esac

results=bench/results
started=$(date +%s)
mkdir -p "$results"

dotnet build bench/EcoSim.Bench -c Release --nologo -v quiet
dotnet build bench/EcoSim.Scale -c Release --nologo -v quiet

if [ "$mode" = full ]; then
  bdn="$results/bdn"
  dotnet run -c Release --no-build --project bench/EcoSim.Bench -- --filter '*' --job short --iterationCount 10 --artifacts "$bdn"
else
  bdn="$results/bdn-quick"
  dotnet run -c Release --no-build --project bench/EcoSim.Bench -- --filter '*Kernel*' '*Serialization*' --job dry --artifacts "$bdn"
fi
bdn_done=$(date +%s)

# Exits 1 if any Orleans run differs from the reference engine; set -e stops the script then.
dotnet run -c Release --no-build --project bench/EcoSim.Scale -- "--$mode" --results "$results/$mode"
harness_done=$(date +%s)

quick_flag=(); [ "$mode" = quick ] && quick_flag=(--quick)
bench/whole-runs.sh "${quick_flag[@]}" "$results/$mode/whole-runs.txt"
finished=$(date +%s)

echo
echo "BenchmarkDotNet tables: $bdn/results/*-report-github.md"
echo "scale harness summary:  $results/$mode/summary.md (samples: $results/$mode/samples.csv)"
echo "whole runs:             $results/$mode/whole-runs.txt"
minutes() { echo "$(( $1 / 60 )) min $(( $1 % 60 )) s"; }
echo "BenchmarkDotNet took $(minutes $(( bdn_done - started ))), the scale harness $(minutes $(( harness_done - bdn_done )))," \
     "whole runs $(minutes $(( finished - harness_done ))); in all $(minutes $(( finished - started )))"
