#!/usr/bin/env bash
# Reproduces every figure of docs/PERFORMANCE.md in one go, and puts every issue-15 target in one table
# (bench/results/MODE/summary.md, written by the scale harness): the BenchmarkDotNet suites (the firm phase
# against the 2026-12-02 kernel), a single baseline run with plots and the 30-seed comparison timed from
# outside, whole CLI runs on each engine (bench/whole-runs.sh), ten million firms over three silo processes
# (its own cluster, started and stopped here), then the scale harness three times in a row (the Orleans over
# reference ratio must hold in each; the last run writes the summary and draws docs/images/performance-*.png).
# About 40 minutes on a quiet 2-core machine (docs/PERFORMANCE.md, "The one command"). Run it on a quiet
# machine: nothing else building.
#
#   bench/run-all.sh [--quick] [--no-cluster]
#     --quick       a smoke test of the same pipeline on small sizes (numbers meaningless, plots stay in bench/results/quick/)
#     --no-cluster  skip the ten-million-firm cluster stage (its summary row then says it was not measured)
# The cluster binds ECOSIM_BENCH_ADDRESSES (default 127.0.0.2,127.0.0.3,127.0.0.4) with Redis on ECOSIM_BENCH_REDIS_PORT
# (6390), silos from ECOSIM_BENCH_SILO_PORT (11390) and gateways from ECOSIM_BENCH_GATEWAY_PORT (30390); its state
# folder is bench/results/MODE/cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full cluster=1
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --no-cluster) cluster=0 ;;
    *) echo "usage: bench/run-all.sh [--quick] [--no-cluster]" >&2; exit 2 ;;
  esac
done

results=bench/results
out="$results/$mode"
started=$(date +%s)
mkdir -p "$out"
# The figures of an earlier run must never reach this run's summary: remove what this script wrote there before.
rm -f "$out/firm-kernel.md" "$out/timed-runs.txt" "$out/large-world.txt" "$out/whole-runs.txt"
rm -rf "$out"/harness-run-*

dotnet build bench/EcoSim.Bench -c Release --nologo -v quiet
dotnet build bench/EcoSim.Scale -c Release --nologo -v quiet
dotnet build client/EcoSim.Client -c Release --nologo -v quiet
# The cluster stage starts its silos with --no-build (the build is not part of its time), so the silo is built here.
[ "$cluster" = 0 ] || { dotnet build bench/EcoSim.ClusterLoad -c Release --nologo -v quiet && dotnet build silo/EcoSim.Silo -c Release --nologo -v quiet; }

if [ "$mode" = full ]; then
  bdn="$results/bdn"
  dotnet run -c Release --no-build --project bench/EcoSim.Bench -- --filter '*' --job short --iterationCount 10 --artifacts "$bdn"
else
  bdn="$results/bdn-quick"
  dotnet run -c Release --no-build --project bench/EcoSim.Bench -- --filter '*Kernel*' '*FirmPhaseBenchmarks*' '*Serialization*' --job dry --artifacts "$bdn"
fi
cp "$bdn/results/EcoSim.Bench.FirmPhaseBenchmarks-report-github.md" "$out/firm-kernel.md"
bdn_done=$(date +%s)

# The single runs users make, timed from outside: "LABEL: SECONDS s" lines that the harness's summary reads.
ecosim=client/EcoSim.Client/bin/Release/net10.0/ecosim.dll
base=scenarios/guangdong-baseline.yaml policy=scenarios/one-third-basic-research.yaml
single=() seeds=(--seeds 30); [ "$mode" = quick ] && single=(--ticks 4) && seeds=(--seeds 2 --ticks 4)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
timed() {
  local label=$1 start end; shift
  start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
  printf '%s: %.2f s (load at the end: %s)\n' "$label" "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/timed-runs.txt"
}
timed "baseline run with plots and report" dotnet "$ecosim" run "$base" "${single[@]}" --out "$scratch/baseline"
timed "compare baseline vs one-third rule, 30 paired seeds, plots and report" dotnet "$ecosim" compare "$base" "$policy" "${seeds[@]}" --out "$scratch/compare"
quick_flag=(); [ "$mode" = quick ] && quick_flag=(--quick)
bench/whole-runs.sh "${quick_flag[@]}" "$out/whole-runs.txt"
runs_done=$(date +%s)

if [ "$cluster" = 1 ]; then
  export ECOSIM_CLUSTER_DIR="$PWD/$out/cluster"
  firms=10000000 quarters=108; [ "$mode" = quick ] && firms=100000 quarters=4
  scripts/cluster.sh start --silos 3 --no-build --addresses "${ECOSIM_BENCH_ADDRESSES:-127.0.0.2,127.0.0.3,127.0.0.4}" \
    --redis-port "${ECOSIM_BENCH_REDIS_PORT:-6390}" --silo-port "${ECOSIM_BENCH_SILO_PORT:-11390}" --gateway-port "${ECOSIM_BENCH_GATEWAY_PORT:-30390}"
  trap 'scripts/cluster.sh stop || true; rm -rf "$scratch"' EXIT
  # Exits 1 when the silos took more than the budget: the summary row says so, the script goes on.
  dotnet bench/EcoSim.ClusterLoad/bin/Release/net10.0/EcoSim.ClusterLoad.dll --large-world "$(scripts/cluster.sh url)" \
    "$(scripts/cluster.sh credentials)" "$ECOSIM_CLUSTER_DIR" "$firms" "$quarters" | tee "$out/large-world.txt" || true
  scripts/cluster.sh stop
  trap 'rm -rf "$scratch"' EXIT
fi
cluster_done=$(date +%s)

# Three harness runs in a row; each exits 1 if any Orleans run differs from the reference engine (set -e stops the
# script then). The last one reads the files above and writes the summary.
for run in 1 2; do
  dotnet run -c Release --no-build --project bench/EcoSim.Scale -- "--$mode" --results "$out/harness-run-$run" --images "$out/harness-run-$run"
done
dotnet run -c Release --no-build --project bench/EcoSim.Scale -- "--$mode" --results "$out"
finished=$(date +%s)

echo
echo "every target, one table: $out/summary.md (samples: $out/samples.csv)"
echo "BenchmarkDotNet tables:  $bdn/results/*-report-github.md"
echo "whole runs:              $out/whole-runs.txt; timed single runs: $out/timed-runs.txt"
[ "$cluster" = 0 ] || echo "ten million firms:       $out/large-world.txt"
minutes() { echo "$(( $1 / 60 )) min $(( $1 % 60 )) s"; }
echo "BenchmarkDotNet took $(minutes $(( bdn_done - started ))), the single and whole runs $(minutes $(( runs_done - bdn_done )))," \
     "the cluster $(minutes $(( cluster_done - runs_done ))), the three harness runs $(minutes $(( finished - cluster_done ))); in all $(minutes $(( finished - started )))"
