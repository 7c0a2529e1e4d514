namespace EcoSim.Model.Phases;

/// <summary>The five links of the innovation chain that the public budget funds.</summary>
public enum Link
{
    /// <summary>Basic research.</summary>
    Basic,
    /// <summary>Technology breakthroughs (applied research).</summary>
    Applied,
    /// <summary>Results transformation.</summary>
    Transformation,
    /// <summary>S&amp;T finance.</summary>
    Finance,
    /// <summary>Talent support.</summary>
    Talent,
}

/// <summary>The public budget of one tick, split over links and clusters, in bn yuan/yr.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="ByClusterAndLink">Budget of cluster c for link l at [c * 5 + l], bn yuan/yr.</param>
public sealed record BudgetAllocation(int Tick, double[] ByClusterAndLink)
{
    /// <summary>Number of links.</summary>
    public const int Links = 5;

    /// <summary>Budget of cluster <paramref name="cluster"/> for <paramref name="link"/>, bn yuan/yr.</summary>
    public double For(int cluster, Link link) => ByClusterAndLink[cluster * Links + (int)link];
}
