using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoSim.Bench;

/// <summary>
/// A silo in the benchmark's own process, configured as the client's embedded silo is (the hosting
/// project's <c>AddEcoSimSilo</c>, loopback, a free port, no gateway), with errors-only logging.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host) => _host = host;

    /// <summary>The grain factory of the silo.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a silo.</summary>
    public static async Task<InProcessSilo> StartAsync()
    {
        var options = new EcoSimClusterOptions { SiloPort = SiloHosting.FreeLoopbackPort(), GatewayPort = 0, ClusterId = $"bench-{Environment.ProcessId}" };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Error);
        builder.UseOrleans(silo => silo.AddEcoSimSilo(options));
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _host.StopAsync(timeout.Token); }
        finally { _host.Dispose(); }
    }
}
