using BenchmarkDotNet.Running;

// Run all suites:      dotnet run -c Release --project bench/EcoSim.Bench -- --filter '*'
// Run one suite:       dotnet run -c Release --project bench/EcoSim.Bench -- --filter '*ReferenceTick*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
