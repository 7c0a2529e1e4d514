using System.Net;
using EcoSim.Grains;
using EcoSim.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace EcoSim.Hosting;

/// <summary>The one place that configures an EcoSim silo, for the standalone host and the client's embedded mode alike.</summary>
public static class SiloHosting
{
    /// <summary>
    /// Configures a silo of the EcoSim cluster: cluster identity, membership (localhost or Redis, see
    /// <see cref="EcoSimClusterOptions.Clustering"/>), endpoints on the configured address (loopback by
    /// default), the cluster's credentials (Redis password, mutual TLS) when it has any, and the services
    /// the grains need. An address other than loopback is refused without credentials (see <see cref="ClusterExposure"/>).
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="options">Where the cluster lives.</param>
    /// <param name="credentials">Its credentials; by default those <paramref name="options"/> name.</param>
    /// <exception cref="ClusterSecurityException">The credentials cannot be read, or the address would be exposed without them.</exception>
    public static ISiloBuilder AddEcoSimSilo(this ISiloBuilder silo, EcoSimClusterOptions options, ClusterCredentials? credentials = null)
    {
        var address = options.IpAddress;
        credentials ??= ClusterCredentials.For(options);
        ClusterExposure.EnsureAllowed(options, credentials);
        silo.UseEcoSimMembership(options, credentials);
        silo.UseEcoSimTls(credentials);
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = address;
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(address, options.SiloPort);
            endpoints.GatewayListeningEndpoint = options.GatewayPort > 0 ? new IPEndPoint(address, options.GatewayPort) : null;
        });
        silo.AddEcoSimCheckpointStorage(options, credentials);
        return silo.AddEcoSimGrains(options.TraceGrainCalls, checkpointStorage: false);
    }

    /// <summary>How long a grain no call has reached stays in memory (Orleans' default is 15 minutes).</summary>
    public static readonly TimeSpan GrainAge = TimeSpan.FromMinutes(30);

    /// <summary>What EcoSim's grains need from any silo, whatever its clustering (also used by test clusters).</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="traceGrainCalls">Whether grain calls carry the caller's span (see <see cref="EcoSimClusterOptions.TraceGrainCalls"/>).</param>
    /// <param name="checkpointStorage">Whether to add the checkpoint store in memory (a test cluster in one process); a silo
    /// of <see cref="AddEcoSimSilo"/> has chosen its own (see <see cref="CheckpointStorage"/>).</param>
    public static ISiloBuilder AddEcoSimGrains(this ISiloBuilder silo, bool traceGrainCalls = false, bool checkpointStorage = true)
    {
        if (checkpointStorage) silo.AddInMemoryCheckpointStorage();
        // Grain state lives in memory, so an idle grain is collected only well after any gap between the calls of a live
        // run: a client-driven run calls each of its grains every tick (seconds apart), and a run driven on the server
        // keeps its run grain alive with its own timer. Grains a lost client left behind go after this age.
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = GrainAge);
        var orphanTimeout = Environment.GetEnvironmentVariable(DetachedRunSettings.OrphanTimeoutVariable);
        DetachedRunSettings.Apply(new DetachedRunOptions(), orphanTimeout);
        silo.Configure<DetachedRunOptions>(detached => DetachedRunSettings.Apply(detached, orphanTimeout));
        // A tick of a large world may take longer than Orleans' default 30 s; lost silos are found by membership.
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = CallTimeouts.Response);
        silo.Services.AddSingleton<RunContextCache>();
        silo.Services.AllowEcoSimExceptions();
        // A cluster's grains on one silo, clusters and runs spread over the silos (see RunAffinity).
        silo.Services.AddPlacementDirector<RunAffinityPlacement, RunAffinityPlacementDirector>();
        // Grain calls carry the caller's span, so traces show runs, ticks, phases and the calls inside them.
        if (traceGrainCalls) silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>
    /// Configures a client of the EcoSim cluster: the one gateway on the configured address and port, or
    /// every gateway in the Redis membership table, with the options' cluster and service ids, and the
    /// cluster's credentials when it has any.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Where the cluster lives.</param>
    /// <param name="credentials">Its credentials; by default those <paramref name="options"/> name.</param>
    /// <exception cref="ClusterSecurityException">The credentials cannot be read.</exception>
    public static IClientBuilder AddEcoSimClient(this IClientBuilder client, EcoSimClusterOptions options, ClusterCredentials? credentials = null)
    {
        credentials ??= ClusterCredentials.For(options);
        client.UseEcoSimGateways(options, credentials);
        client.UseEcoSimTls(credentials);
        client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = CallTimeouts.Response);
        client.Services.AllowEcoSimExceptions();
        return options.TraceGrainCalls ? client.AddActivityPropagation() : client;
    }

    /// <summary>A free TCP port on loopback, for an embedded silo that must not collide with another on this machine.</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
