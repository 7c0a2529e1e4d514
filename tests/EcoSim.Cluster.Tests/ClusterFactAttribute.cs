namespace EcoSim.Cluster.Tests;

/// <summary>
/// A fact that needs a running cluster. Without ECOSIM_CLUSTER it reports itself as skipped, never as
/// passed; with it, the test runs and fails if the cluster is not what it says.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ClusterEnvironment.AddressVariable)))
            Skip = $"{ClusterEnvironment.AddressVariable} is not set: start a cluster with 'scripts/cluster.sh start' and set " +
                   $"{ClusterEnvironment.AddressVariable} to the redis://... address it prints (.ci/run does both)";
    }
}
