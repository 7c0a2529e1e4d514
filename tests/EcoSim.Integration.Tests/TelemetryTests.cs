using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions.Telemetry;
using EcoSim.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EcoSim.Integration.Tests;

/// <summary>
/// Traces and metrics: a run's span holds its ticks, a tick's span its phases, and Orleans' spans of
/// the grain calls nest inside the phases; the meters count ticks and firm updates; nothing is
/// collected unless an endpoint is configured.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class TelemetryTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task A_runs_trace_holds_ticks_phases_and_orleans_grain_calls()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = Listen(spans);
        const ulong seed = 424_242_001;
        var world = TestFiles.LoadSmall().World with { Ticks = 2, Seed = seed };
        await using (var engine = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), 64))
            await foreach (var _ in engine.RunAsync(world, CancellationToken.None)) { }

        var run = Assert.Single(spans, s => s.Source.Name == EcoSimInstruments.Name && s.DisplayName == "run" && (string?)s.GetTagItem("ecosim.seed") == seed.ToString());
        var trace = spans.Where(s => s.TraceId == run.TraceId).ToList();
        var ticks = trace.Where(s => s.DisplayName == "tick").ToList();
        Assert.Equal(2, ticks.Count);
        var byId = trace.ToDictionary(s => s.SpanId);
        bool Under(Activity span, Activity ancestor)
        {
            for (var id = span.ParentSpanId; byId.TryGetValue(id, out var parent); id = parent.ParentSpanId)
                if (parent == ancestor) return true;
            return false;
        }
        Assert.All(ticks, tick => Assert.True(Under(tick, run)));
        foreach (var phase in new[] { "policy", "clusters", "finance", "entry" })
            Assert.All(ticks, tick => Assert.Single(trace, s => s.DisplayName == phase && s.ParentSpanId == tick.SpanId));
        foreach (var phase in new[] { "research", "gather", "firms" }) // per cluster, inside its grain
            Assert.All(ticks, tick => Assert.Equal(world.ClusterCount, trace.Count(s => s.DisplayName == phase && Under(s, tick))));
        var firmPhase = trace.First(s => s.DisplayName == "firms");
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && Under(s, firmPhase));
    }

    [Fact]
    public async Task The_meters_count_ticks_and_firm_updates()
    {
        long ticks = 0, firms = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == EcoSimInstruments.Name) listener.EnableMeasurementEvents(instrument); };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "ecosim.engine" && (string?)tag.Value == "reference")
                {
                    if (instrument.Name == "ecosim.ticks") Interlocked.Add(ref ticks, value);
                    if (instrument.Name == "ecosim.firm_updates") Interlocked.Add(ref firms, value);
                }
        });
        meters.Start();
        var world = TestFiles.LoadSmall().World with { Ticks = 3 };
        await using (var engine = new ReferenceSimulation())
            await foreach (var _ in engine.RunAsync(world, CancellationToken.None)) { }
        Assert.True(Interlocked.Read(ref ticks) >= 3);
        Assert.True(Interlocked.Read(ref firms) >= 3L * world.Firms / 2, $"{firms} firm updates for 3 ticks of {world.Firms} firms");
    }

    [Fact]
    public void Telemetry_is_off_without_an_endpoint_and_on_with_one()
    {
        var none = new ServiceCollection().AddEcoSimTelemetry("test", "1", null).BuildServiceProvider();
        Assert.Null(none.GetService<TracerProvider>());
        var some = new ServiceCollection().AddEcoSimTelemetry("test", "1", new Uri("http://127.0.0.1:4317")).BuildServiceProvider();
        Assert.NotNull(some.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("127.0.0.1:4317")]
    [InlineData("ftp://127.0.0.1:4317")]
    [InlineData("not a uri")]
    public void A_bad_endpoint_is_refused_naming_where_it_came_from(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(EcoSimTelemetry.EndpointKey, value)]).Build();
        var error = Assert.Throws<FormatException>(() => EcoSimTelemetry.Endpoint(configuration));
        Assert.Contains(EcoSimTelemetry.EndpointKey, error.Message);
        Assert.Contains(value, error.Message);
    }

    private static ActivityListener Listen(ConcurrentBag<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => EcoSimTelemetry.ActivitySources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
