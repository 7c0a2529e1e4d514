using EcoSim.Experiments.Engines;

namespace EcoSim.Integration.Tests;

/// <summary>
/// A finished run releases every grain it activated. Grain state lives in memory and idle grains are collected
/// only after hours, so one left behind per run is memory a busy cluster never gets back (the policy grain was).
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class RunReleaseTests(TestClusterFixture fixture)
{
    private static readonly TimeSpan DeactivationBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_finished_run_leaves_no_grain_of_its_own_behind()
    {
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        var before = await EcoSimActivations(management);
        await using (var orleans = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), 512))
            await foreach (var _ in orleans.RunAsync(TestFiles.LoadSmall().World, CancellationToken.None)) { }

        // Deactivation follows the release call; wait for it, bounded.
        var deadline = DateTime.UtcNow + DeactivationBound;
        Dictionary<string, int> after;
        while (Left(after = await EcoSimActivations(management), before).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(Left(after, before).Count == 0, $"grains left behind by a finished run: {string.Join(", ", Left(after, before))}");
    }

    private static List<string> Left(Dictionary<string, int> after, Dictionary<string, int> before) =>
        [.. after.Where(a => a.Value > before.GetValueOrDefault(a.Key)).Select(a => $"{a.Key} x{a.Value - before.GetValueOrDefault(a.Key)}")];

    private static async Task<Dictionary<string, int>> EcoSimActivations(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.StartsWith("EcoSim.", StringComparison.Ordinal))
            .GroupBy(s => s.GrainType).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
}
