namespace EcoSim.Cluster.Tests;

/// <summary>
/// The tests that kill a silo of the shared cluster, and those that count its run grains, run one after
/// another: each finds the process to kill by the one run grain in the cluster, and revives what it killed.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloKills
{
    public const string Name = "tests that kill silos of the shared cluster";
}
