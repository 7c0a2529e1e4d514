using EcoSim.Scale;

// dotnet run -c Release --project bench/EcoSim.Scale -- [firms] [ticks] [shard sizes, comma-separated]
return await ScaleHarness.RunAsync(args);
