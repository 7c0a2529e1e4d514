using EcoSim.Scale;

// dotnet run -c Release --project bench/EcoSim.Scale -- --quick    small sizes, under a minute
// dotnet run -c Release --project bench/EcoSim.Scale -- --full     every measure of docs/PERFORMANCE.md, about 2 minutes on 2 cores
// dotnet run -c Release --project bench/EcoSim.Scale -- --plots-from bench/results/full/samples.csv   redraw the plots only
// Exit code: 0, 1 if any run differs from the reference engine, 2 for bad arguments.
return await ScaleHarness.RunAsync(args);
