using EcoSim.Scale;

// dotnet run -c Release --project bench/EcoSim.Scale -- --quick    small sizes, under a minute
// dotnet run -c Release --project bench/EcoSim.Scale -- --full     every measure of docs/PERFORMANCE.md, about 2 minutes on 2 cores
// dotnet run -c Release --project bench/EcoSim.Scale -- --plots-from bench/results/full/samples.csv   redraw the plots only
// dotnet run -c Release --project bench/EcoSim.Scale -- --checkpoints   snapshot size, write and read time at 75,000 and 1,000,000 firms, overhead of a checkpoint every 8 quarters
// dotnet run -c Release --project bench/EcoSim.Scale -- --shared-prefix   compare with and without the shared pre-policy history (policy from 2030Q1)
// dotnet run -c Release --project bench/EcoSim.Scale -- --horizon [--firms 1000000]   both engines for the whole horizon in child processes: time, peak memory, metrics.csv compared
// Exit code: 0, 1 if any run differs from the reference engine, 2 for bad arguments.
return await ScaleHarness.RunAsync(args);
