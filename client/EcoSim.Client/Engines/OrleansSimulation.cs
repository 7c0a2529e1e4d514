using System.Runtime.CompilerServices;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.World;

namespace EcoSim.Client.Engines;

/// <summary>
/// Runs a world on an Orleans cluster through its run grain: one short call to start, then one call
/// per tick, then the run's grains are released. The cluster is an embedded silo or a remote one.
/// </summary>
internal sealed class OrleansSimulation(IOrleansConnection connection, int firmsPerShard) : ISimulationEngine
{
    public string Name => "orleans";
    public int SiloCount => connection.SiloCount;
    public int FirmsPerShard => firmsPerShard;

    public async IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, [EnumeratorCancellation] CancellationToken cancellation)
    {
        string runId = $"run-{Guid.NewGuid():N}";
        var run = connection.Grains.GetGrain<IRunGrain>(runId);
        await run.Start(world, new RunLayout(firmsPerShard));
        try
        {
            for (int t = 0; t < world.Ticks; t++)
            {
                cancellation.ThrowIfCancellationRequested();
                var rows = await run.Step();
                yield return new TickOutcome(rows.Tick, rows.Rows);
            }
        }
        finally
        {
            await run.Stop();
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
