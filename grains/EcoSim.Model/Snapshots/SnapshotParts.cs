using System.Globalization;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// The names of a snapshot's parts and their order. Each names the grain that holds that state in the Orleans
/// engine, so that each can write and read its own: <c>world</c> and <c>metrics</c> (the run), <c>region</c>
/// (the run's snapshot of the previous tick), then for each cluster <c>cluster/C</c>, <c>talent/C</c>,
/// <c>labs/C</c> (its labs, in index order) and <c>firms/C</c> (its firms, in index order, whatever the shard
/// size), then <c>fund/F</c> for each fund.
/// </summary>
public static class SnapshotParts
{
    /// <summary>The run: scenario, seed, tick, world components (<see cref="SnapshotWorld"/>).</summary>
    public const string World = "world";
    /// <summary>The metrics rows of every tick done, which a resumed run's output begins with.</summary>
    public const string Metrics = "metrics";
    /// <summary>The region snapshot the next tick reads.</summary>
    public const string Region = "region";

    /// <summary>Cluster <paramref name="c"/>'s own state.</summary>
    public static string Cluster(int c) => Name("cluster", c);
    /// <summary>Cluster <paramref name="c"/>'s talent pool.</summary>
    public static string Talent(int c) => Name("talent", c);
    /// <summary>Cluster <paramref name="c"/>'s labs.</summary>
    public static string Labs(int c) => Name("labs", c);
    /// <summary>Cluster <paramref name="c"/>'s firms.</summary>
    public static string Firms(int c) => Name("firms", c);
    /// <summary>Fund <paramref name="f"/>.</summary>
    public static string Fund(int f) => Name("fund", f);

    /// <summary>Every part name of a snapshot of a world with <paramref name="clusters"/> clusters and <paramref name="funds"/> funds, in order.</summary>
    public static IEnumerable<string> All(int clusters, int funds)
    {
        yield return World;
        yield return Metrics;
        yield return Region;
        for (int c = 0; c < clusters; c++)
        {
            yield return Cluster(c);
            yield return Talent(c);
            yield return Labs(c);
            yield return Firms(c);
        }
        for (int f = 0; f < funds; f++) yield return Fund(f);
    }

    /// <summary>
    /// The kind (<c>cluster</c>, <c>talent</c>, <c>labs</c>, <c>firms</c> or <c>fund</c>) and index of a part of one
    /// cluster or fund, e.g. ("firms", 3) for <c>firms/3</c>; false for the run's own parts and for names that are none.
    /// </summary>
    public static bool TryParse(string name, out string kind, out int index)
    {
        (kind, index) = ("", -1);
        int slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !int.TryParse(name.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out index)) return false;
        kind = name[..slash];
        return kind is "cluster" or "talent" or "labs" or "firms" or "fund" && Name(kind, index) == name;
    }

    private static string Name(string kind, int index) => string.Create(CultureInfo.InvariantCulture, $"{kind}/{index}");
}
