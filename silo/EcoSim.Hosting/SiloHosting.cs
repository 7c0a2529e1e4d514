using System.Net;
using EcoSim.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace EcoSim.Hosting;

/// <summary>The one place that configures an EcoSim silo, for the standalone host and the client's embedded mode alike.</summary>
public static class SiloHosting
{
    /// <summary>
    /// Configures a silo of the EcoSim cluster: cluster identity, endpoints on the configured address
    /// (loopback by default), localhost membership, and the services the grains need.
    /// </summary>
    public static ISiloBuilder AddEcoSimSilo(this ISiloBuilder silo, EcoSimClusterOptions options)
    {
        var address = options.IpAddress;
        IPEndPoint? primary = options.PrimarySiloPort is int port ? new IPEndPoint(address, port) : null;
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = address;
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(address, options.SiloPort);
            endpoints.GatewayListeningEndpoint = options.GatewayPort > 0 ? new IPEndPoint(address, options.GatewayPort) : null;
        });
        return silo.AddEcoSimGrains();
    }

    /// <summary>What EcoSim's grains need from any silo, whatever its clustering (also used by test clusters).</summary>
    public static ISiloBuilder AddEcoSimGrains(this ISiloBuilder silo)
    {
        // Grain state lives in memory; a run paused for a while must not lose its grains.
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = TimeSpan.FromHours(4));
        silo.Services.AddSingleton<RunContextCache>();
        return silo;
    }

    /// <summary>Configures a client of the EcoSim cluster whose gateway is on the configured address.</summary>
    public static IClientBuilder AddEcoSimClient(this IClientBuilder client, EcoSimClusterOptions options)
    {
        client.UseStaticClustering(new IPEndPoint(options.IpAddress, options.GatewayPort));
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        return client;
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
