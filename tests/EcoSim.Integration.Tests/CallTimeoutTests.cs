using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests;

/// <summary>
/// A slow tick is not a lost silo: silos and clients wait minutes for an answer (a quarter of 47 million
/// firms took over Orleans' default 30 s and the run was started again for nothing), and an embedded
/// silo, which lives and dies with the process, never restarts a run.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class CallTimeoutTests(TestClusterFixture fixture)
{
    [Fact]
    public void Silos_wait_minutes_for_an_answer()
    {
        var silo = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary);
        var messaging = silo.SiloHost.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value;
        Assert.Equal(CallTimeouts.Response, messaging.ResponseTimeout);
        Assert.True(CallTimeouts.Response >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Clients_of_a_cluster_wait_minutes_for_an_answer()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.AddEcoSimClient(new EcoSimClusterOptions()));
        using var host = builder.Build();
        Assert.Equal(CallTimeouts.Response, host.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
    }

    [Fact]
    public async Task An_embedded_engine_does_not_restart_a_run()
    {
        await using var engine = await new EngineChoice(EngineKind.Orleans, 64).OpenAsync(CancellationToken.None);
        Assert.Equal(1, Assert.IsType<OrleansSimulation>(engine).Restarts.MaxAttempts);
        Assert.Equal(3, RestartPolicy.Default.MaxAttempts);
    }
}
