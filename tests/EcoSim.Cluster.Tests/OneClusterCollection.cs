namespace EcoSim.Cluster.Tests;

/// <summary>
/// The tests that use the one running cluster take turns: one of them kills a silo and revives it,
/// and while it does, the others would see a silo missing, its log restarted, or a run grain not theirs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OneClusterCollection
{
    public const string Name = "the running cluster";
}
