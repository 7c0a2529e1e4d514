using EcoSim.Experiments.Engines;
using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace EcoSim.Integration.Tests;

/// <summary>
/// A silo left alone after two of three were killed declares them dead in seconds, within the time the client
/// waits for the cluster to notice (so the run starts again on the survivor, not on the dead); while a lone
/// living silo is still protected: two votes while most silos are fresh, and probes not shortened.
/// </summary>
public sealed class LostSiloDetectionTests
{
    [Theory]
    [InlineData(EcoSimClustering.Redis)]
    [InlineData(EcoSimClustering.Localhost)]
    public void A_silo_of_the_cluster_uses_EcoSims_detection_settings(string clustering)
    {
        var membership = MembershipOf(new EcoSimClusterOptions { Clustering = clustering, SiloPort = SiloHosting.FreeLoopbackPort(), GatewayPort = 0 });
        Assert.Equal(LostSiloDetection.AliveWriteInterval, membership.IAmAliveTablePublishTimeout);
        Assert.Equal(LostSiloDetection.MissedAliveWrites, membership.NumMissedTableIAmAliveLimit);
        Assert.Equal(LostSiloDetection.ProbeTimeout, membership.ProbeTimeout);
        Assert.Equal(LostSiloDetection.MissedProbes, membership.NumMissedProbesLimit);
        Assert.Equal(LostSiloDetection.VotesForDeath, membership.NumVotesForDeathDeclaration);
        Assert.Equal(LostSiloDetection.TableRefreshInterval, membership.TableRefreshTimeout);
    }

    [Fact]
    public void A_lone_survivor_declares_the_others_dead_before_the_client_stops_waiting_for_it()
    {
        var membership = MembershipOf(new EcoSimClusterOptions { Clustering = EcoSimClustering.Redis, SiloPort = SiloHosting.FreeLoopbackPort(), GatewayPort = 0 });
        var bound = LostSiloDetection.LoneSurvivorBound(membership);
        Assert.True(bound < RestartPolicy.Default.SettleTimeout / 2,
            $"a lone survivor may need {bound.TotalSeconds:0} s, the client waits {RestartPolicy.Default.SettleTimeout.TotalSeconds:0} s");
        // Orleans' defaults needed longer than the client waits: the run started again on silos already dead.
        Assert.True(LostSiloDetection.LoneSurvivorBound(new ClusterMembershipOptions()) > RestartPolicy.Default.SettleTimeout);
    }

    [Fact]
    public void A_slow_silo_is_not_declared_dead_sooner_than_Orleans_would()
    {
        var defaults = new ClusterMembershipOptions();
        var membership = MembershipOf(new EcoSimClusterOptions { Clustering = EcoSimClustering.Redis, SiloPort = SiloHosting.FreeLoopbackPort(), GatewayPort = 0 });
        Assert.True(membership.ProbeTimeout >= defaults.ProbeTimeout);
        Assert.True(membership.NumMissedProbesLimit >= defaults.NumMissedProbesLimit);
        Assert.True(membership.NumVotesForDeathDeclaration >= defaults.NumVotesForDeathDeclaration);
        Assert.True(membership.ExtendProbeTimeoutDuringDegradation);
    }

    // The options a silo configured by SiloHosting resolves (the host is built, never started: nothing connects).
    private static ClusterMembershipOptions MembershipOf(EcoSimClusterOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.AddEcoSimSilo(options));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }
}
