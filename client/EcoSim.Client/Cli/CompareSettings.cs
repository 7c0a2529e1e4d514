using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>What <c>ecosim compare</c> was asked to do.</summary>
internal sealed record CompareSettings(string BaselinePath, string PolicyPath, int Seeds, ulong? FirstSeed, string? OutputPath, string Engine,
    int FirmsPerShard, int? Ticks, EcoSimClusterOptions? Cluster, bool Plots, int Parallel);
