using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using EcoSim.Experiments;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.World;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// A live run that reaches its last quarter ends its run on the engine then, as a batch run does (on a cluster: its grains
/// stopped, its restart points cleared from the store), rather than holding it until the finished run is released.
/// </summary>
public sealed class RunEndTests
{
    [Fact]
    public async Task A_run_that_reaches_its_last_quarter_ends_its_engine_run_before_it_says_it_has_finished()
    {
        await using var engine = new EndCountingEngine(new ReferenceSimulation());
        await using var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        using var http = new HttpClient(app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://explorer/") };
        var hello = await http.GetAsync("api/runs");
        http.DefaultRequestHeaders.Add("X-EcoSim-Session", hello.Headers.GetValues("X-EcoSim-Session").Single());

        var started = await http.PostAsJsonAsync("api/runs", new StartRequest(ScenarioText: ExplorerServer.SmallScenario), ExplorerServer.Json);
        var run = (await started.Content.ReadFromJsonAsync<RunView>(ExplorerServer.Json))!;
        var part = await (await http.PostAsJsonAsync($"api/runs/{run.Id}/step", new StepRequest(11), ExplorerServer.Json)).Content.ReadFromJsonAsync<RunHistory>(ExplorerServer.Json);
        Assert.Equal(RunStatus.Paused, part!.Run.Status);
        Assert.Equal(0, engine.Ended);

        var last = await (await http.PostAsJsonAsync($"api/runs/{run.Id}/step", new StepRequest(5), ExplorerServer.Json)).Content.ReadFromJsonAsync<RunHistory>(ExplorerServer.Json);
        Assert.Equal(RunStatus.Finished, last!.Run.Status);
        Assert.Equal(12, last.Run.Quarters);
        Assert.Null(last.Run.Error);
        Assert.Equal(1, engine.Ended);
        await app.StopAsync();
    }

    // Counts the live runs' streams that the engine ran to their end (not those stopped by their caller).
    private sealed class EndCountingEngine(ISimulationEngine inner) : ISimulationEngine
    {
        private int _ended;
        public int Ended => Volatile.Read(ref _ended);
        public EngineKind Kind => inner.Kind;
        public int SiloCount => inner.SiloCount;
        public int FirmsPerShard => inner.FirmsPerShard;
        public IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, CancellationToken cancellation) => inner.RunAsync(world, cancellation);
        public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation) => inner.RunAsync(world, firmTicks, cancellation);
        public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints checkpoints, CancellationToken cancellation) =>
            Counting(inner.RunAsync(world, firmTicks, checkpoints, cancellation), cancellation);
        public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) => inner.InspectAsync(world, ticks, entity, cancellation);
        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private async IAsyncEnumerable<SimulatedTick> Counting(IAsyncEnumerable<SimulatedTick> ticks, [EnumeratorCancellation] CancellationToken cancellation)
        {
            await foreach (var tick in ticks.WithCancellation(cancellation)) yield return tick;
            Interlocked.Increment(ref _ended);
        }
    }
}
