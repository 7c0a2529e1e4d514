using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Every suite, as bench/run-all.sh runs them:
//     dotnet run -c Release --project bench/EcoSim.Bench -- --filter '*' --job short
// One suite:   dotnet run -c Release --project bench/EcoSim.Bench -- --filter '*OrleansTick*' --job short
// Smoke test:  dotnet run -c Release --project bench/EcoSim.Bench -- --filter '*' --job dry
// Firm phase in a plain loop (for perf, and a quick interleaved ratio): -- --firm-loop 100000 20
// Median, minimum and maximum are shown beside the mean: the spread matters on a shared machine.
if (args.Length > 0 && args[0] == "--firm-loop") return EcoSim.Bench.FirmPhaseLoop.Run(args);
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
