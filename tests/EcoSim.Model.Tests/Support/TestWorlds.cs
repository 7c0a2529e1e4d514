using EcoSim.Model.Parameters;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Support;

/// <summary>Small worlds that run in milliseconds, and the library scenarios.</summary>
internal static class TestWorlds
{
    /// <summary>
    /// Three clusters, a few hundred firms, a handful of labs and funds. Large enough that every
    /// mechanism fires within a few ticks (breakthroughs, new generations, adoption, entry, exit).
    /// </summary>
    public static WorldSpec Small(ulong seed = 42, int firms = 300, int ticks = 12,
        ModelParameters? parameters = null, IReadOnlyList<ParameterChange>? timeline = null) => new()
    {
        Start = new Period(2024, 1),
        Ticks = ticks,
        Seed = seed,
        Clusters =
        [
            new ClusterSpec("alpha", "Alpha", ClusterKind.Pillar, 1000, 0.03, 1),
            new ClusterSpec("beta", "Beta", ClusterKind.Emerging, 300, 0.06, 1.5),
            new ClusterSpec("gamma", "Gamma", ClusterKind.Pillar, 600, 0.01, 1),
        ],
        // Symmetric, 1 on the diagonal.
        Relatedness = [1, 0.6, 0.2, 0.6, 1, 0.3, 0.2, 0.3, 1],
        Firms = firms,
        Labs = [new LabGroup(LabKind.University, 6, 1.0, 0.4), new LabGroup(LabKind.RdInstitute, 4, 0.3, 1.5)],
        Funds = [new FundGroup(FundKind.Venture, 3, 30), new FundGroup(FundKind.Guidance, 2, 20), new FundGroup(FundKind.Bank, 1, 10)],
        Parameters = parameters ?? new ModelParameters(),
        Timeline = timeline ?? [],
    };

    /// <summary>The repository root: the first folder above the test binaries that holds EcoSim.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) return dir.FullName;
            throw new InvalidOperationException($"no EcoSim.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Path of a file of the scenario library.</summary>
    public static string LibraryScenario(string fileName) => Path.Combine(RepoRoot, "scenarios", fileName);
}
