using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Snapshots;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// The grains check what they are given: a run restored with a part missing refuses to step and names the part, and a
/// part whose bytes were changed on the way is refused by the grain that would decode it, naming the part and both hashes.
/// </summary>
public sealed class GrainImportRefusalTests(OneSilo fixture) : IClassFixture<OneSilo>
{
    private static async Task<byte[]> Snapshot()
    {
        var world = EngineRuns.World(4);
        return (await EngineRuns.Run(EngineRuns.Reference(), world, [2])).Checkpoints[2];
    }

    [Theory]
    [InlineData("region")]
    [InlineData("talent/0")]
    [InlineData("labs/3")]
    [InlineData("firms/3")]
    [InlineData("fund/1")]
    public async Task A_run_restored_without_a_part_refuses_to_step_naming_it(string part)
    {
        var bytes = await Snapshot();
        var run = new RunAttempt(fixture.Cluster.GrainFactory);
        try
        {
            await run.RestoreAsync(EngineRuns.World(4), new RunLayout(64, 2), RunSnapshot.ReadParts(new MemoryStream(bytes)).Where(p => p.Name != part));
            var refused = await Assert.ThrowsAnyAsync<Exception>(run.StepAsync);
            Assert.Contains($"part '{part}'", refused.Message, StringComparison.Ordinal);
        }
        finally { await run.AbandonAsync(); }
    }

    [Theory]
    [InlineData("cluster/1")]
    [InlineData("labs/0")]
    [InlineData("firms/2")]
    [InlineData("talent/3")]
    [InlineData("fund/0")]
    public async Task A_part_changed_on_the_way_is_refused_by_its_grain_naming_the_part_and_hashes(string part)
    {
        var bytes = await Snapshot();
        var run = new RunAttempt(fixture.Cluster.GrainFactory);
        try
        {
            var parts = RunSnapshot.ReadParts(new MemoryStream(bytes)).Select(p =>
            {
                if (p.Name != part) return p;
                var changed = (byte[])p.Stored.Clone();
                changed[changed.Length / 2] ^= 0x10;
                return p with { Stored = changed };
            });
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => run.RestoreAsync(EngineRuns.World(4), new RunLayout(64, 2), parts));
            Assert.Contains($"part '{part}'", refused.Message, StringComparison.Ordinal);
            Assert.Contains("SHA-256: expected", refused.Message, StringComparison.Ordinal);
        }
        finally { await run.AbandonAsync(); }
    }
}
