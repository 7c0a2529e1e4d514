using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Hosting;

namespace EcoSim.Integration.Tests;

/// <summary>The embedded silo a command starts before reading its scenario: taken over once, or stopped unused.</summary>
public sealed class EarlyEmbeddedSiloTests
{
    [Fact]
    public void Only_the_orleans_engine_on_an_embedded_silo_begins_one_early()
    {
        Assert.Null(EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Reference)));
        Assert.Null(EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans, Cluster: new EcoSimClusterOptions())));
        Assert.Null(EarlyEmbeddedSilo.Take());
    }

    [Fact]
    public async Task The_next_embedded_start_of_the_same_flow_takes_the_early_silo_over_once()
    {
        await using var early = EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans));
        Assert.NotNull(early);

        await using var taken = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);

        Assert.Same(await early.Starting, taken);
        Assert.Null(EarlyEmbeddedSilo.Take());
        var hosts = await taken.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Single(hosts);
        await early.DisposeAsync(); // handed over: the caller's to stop, so it still answers
        Assert.Single(await taken.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true));
    }

    [Fact]
    public async Task A_flow_that_did_not_begin_it_does_not_see_the_early_silo()
    {
        await using var early = EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans));

        // Another command in this process runs in a flow without this one's context: it starts its own silo.
        Assert.Null(await RunInFreshFlow(EarlyEmbeddedSilo.Take));
        Assert.Same(early, EarlyEmbeddedSilo.Take());
    }

    [Fact]
    public async Task An_early_silo_nobody_takes_over_is_stopped_when_disposed()
    {
        var early = EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans))!;
        var started = await early.Starting;

        await early.DisposeAsync();

        Assert.Null(EarlyEmbeddedSilo.Take());
        await Assert.ThrowsAnyAsync<Exception>(() => started.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true));
    }

    [Fact]
    public async Task An_early_silo_disposed_while_it_starts_ends_its_start_and_leaves_nothing_running()
    {
        var early = EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans))!;

        await early.DisposeAsync();

        Assert.True(early.Starting.IsCompleted);
        if (early.Starting.IsCompletedSuccessfully)
            await Assert.ThrowsAnyAsync<Exception>(() => early.Starting.Result.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true));
    }

    private static Task<T> RunInFreshFlow<T>(Func<T> work)
    {
        using (ExecutionContext.SuppressFlow()) return Task.Run(work);
    }
}
