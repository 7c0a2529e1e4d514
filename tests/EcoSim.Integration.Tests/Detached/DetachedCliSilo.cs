using EcoSim.Grains;
using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoSim.Integration.Tests.Detached;

/// <summary>
/// A real EcoSim silo in this process, configured as the standalone silo is (<see cref="SiloHosting.AddEcoSimSilo"/>) with a
/// gateway on a free loopback port, so that the command line reaches it with <c>--cluster 127.0.0.1:PORT</c> as a user
/// would. Its detached runs are released a few seconds after nobody observes them.
/// </summary>
public sealed class DetachedCliSilo : IAsyncLifetime
{
    /// <summary>Long enough for a client to attach right after detaching, short enough to wait for in a test.</summary>
    public static readonly TimeSpan OrphanTimeout = TimeSpan.FromSeconds(3);

    private IHost? _host;

    /// <summary>The silo's gateway, as <c>--cluster</c> takes it.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The silo's grains, to look at runs without a client of their own.</summary>
    public IGrainFactory Grains => _host!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var options = new EcoSimClusterOptions { SiloPort = SiloHosting.FreeLoopbackPort(), GatewayPort = SiloHosting.FreeLoopbackPort() };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddEcoSimSilo(options).Services.Configure<DetachedRunOptions>(detached => detached.OrphanTimeout = OrphanTimeout));
        _host = builder.Build();
        await _host.StartAsync();
        Address = $"127.0.0.1:{options.GatewayPort}";
    }

    public async Task DisposeAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DetachedCliSiloCollection : ICollectionFixture<DetachedCliSilo>
{
    public const string Name = "detached-run silo for the command line";
}
