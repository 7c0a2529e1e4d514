using System.Collections.Concurrent;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace EcoSim.Integration.Tests;

/// <summary>
/// How many grain calls one tick of the Orleans engine makes, counted by a call filter on a one-silo test cluster:
/// each call costs a message, a scheduled turn and a response (docs/PERFORMANCE.md section 26), so the count is held
/// to what the layout needs and this test fails if it grows back.
/// </summary>
public sealed class GrainCallsPerTickTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("small", 4)]
    [InlineData("guangdong-baseline", 2)] // 20 clusters, 36 funds, one firm shard a cluster: 178 calls a tick before section 26
    public async Task A_tick_makes_one_policy_call_one_funds_call_and_per_cluster_an_advance_its_firm_shards_steps_and_an_entry(string scenario, int ticks)
    {
        var file = scenario == "small" ? TestFiles.SmallScenario : Path.Combine(TestFiles.RepoRoot, "scenarios", $"{scenario}.yaml");
        var world = EcoSim.Scenarios.ScenarioLoader.Load(file).World with { Ticks = ticks };
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var run = cluster.GrainFactory.GetGrain<IRunGrain>($"calls-per-tick-{scenario}");
            await run.Start(world, new RunLayout(RunLayout.DefaultFirmsPerShard));
            int clusters = world.ClusterCount;
            for (int t = 0; t < world.Ticks; t++)
            {
                CallCounter.Calls.Clear();
                await run.Step();
                var calls = CallCounter.Calls.ToDictionary(c => c.Key, c => c.Value);
                foreach (var (method, count) in calls.OrderBy(c => c.Key, StringComparer.Ordinal)) output.WriteLine($"{scenario} tick {t}: {method} {count}");

                int shardSteps = Count(calls, "IFirmShardGrain.Step"), appends = Count(calls, "IFirmShardGrain.Append");
                int opened = Count(calls, "IFirmShardGrain.Initialize");
                Assert.True(shardSteps >= clusters, $"tick {t}: {shardSteps} shard steps for {clusters} clusters");
                Assert.Equal(1, Count(calls, "IRunGrain.Step"));
                Assert.Equal(1, Count(calls, "IPolicyGrain.Allocate"));
                Assert.Equal(1, Count(calls, "IFundsGrain.Invest"));
                Assert.Equal(clusters, Count(calls, "IClusterGrain.Advance"));
                Assert.Equal(clusters, Count(calls, "IClusterGrain.Enter"));
                Assert.Equal(0, Count(calls, "ITalentPoolGrain.Clear"));
                Assert.Equal(3 + 2 * clusters + shardSteps + appends + opened, calls.Values.Sum());
                Assert.Equal(0, Count(calls, "ILabGrain.Research")); // every cluster's labs fit in the cluster grain's own shard
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static int Count(Dictionary<string, int> calls, string method) => calls.GetValueOrDefault(method);

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddEcoSimGrains().AddIncomingGrainCallFilter<CallCounter>();
    }

    // Counts the calls to EcoSim's grains (not Orleans' own) by interface and method.
    private sealed class CallCounter : IIncomingGrainCallFilter
    {
        public static readonly ConcurrentDictionary<string, int> Calls = new(StringComparer.Ordinal);

        public Task Invoke(IIncomingGrainCallContext context)
        {
            var type = context.InterfaceMethod?.DeclaringType;
            if (type?.Namespace?.StartsWith("EcoSim", StringComparison.Ordinal) == true)
                Calls.AddOrUpdate($"{type.Name}.{context.InterfaceMethod!.Name}", 1, (_, n) => n + 1);
            return context.Invoke();
        }
    }
}
