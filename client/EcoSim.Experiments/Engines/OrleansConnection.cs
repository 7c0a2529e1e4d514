using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EcoSim.Experiments.Engines;

/// <summary>A way to reach grains: an embedded silo in this process, or a client of a running cluster.</summary>
public interface IOrleansConnection : IAsyncDisposable
{
    /// <summary>The grain factory.</summary>
    IGrainFactory Grains { get; }
    /// <summary>Active silos.</summary>
    int SiloCount { get; }
}

/// <summary>Opens connections; the only place the client decides between embedded and remote.</summary>
public static class OrleansConnections
{
    /// <summary>
    /// Starts a silo inside this process, on a free loopback port and with no gateway, so that a new
    /// user needs no server and two runs on one machine do not collide; takes over the command's
    /// <see cref="EarlyEmbeddedSilo"/> instead when it began one.
    /// </summary>
    public static Task<IOrleansConnection> StartEmbeddedAsync(CancellationToken cancellation) =>
        EarlyEmbeddedSilo.Take() is { } early ? early.ReadyAsync(cancellation) : StartNewEmbeddedAsync(cancellation);

    /// <summary>Starts a new embedded silo (see <see cref="StartEmbeddedAsync"/>).</summary>
    internal static async Task<IOrleansConnection> StartNewEmbeddedAsync(CancellationToken cancellation)
    {
        var options = EmbeddedOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        QuietLogging(builder.Logging);
        builder.UseOrleans(silo => silo.AddEcoSimSilo(options));
        var host = builder.Build();
        Pipelines.RunTimeline.Mark("silo host built");
        try { await host.StartAsync(cancellation); }
        catch
        {
            // A start cancelled half-way (an early silo the command no longer needs) or failed: let nothing linger.
            host.Dispose();
            throw;
        }
        Pipelines.RunTimeline.Mark("silo started");
        return new EmbeddedSiloConnection(host);
    }

    /// <summary>
    /// Where an embedded silo lives: a free loopback port, no gateway, a cluster id of this process
    /// (also for a host that embeds the silo itself, as the explorer does).
    /// </summary>
    public static EcoSimClusterOptions EmbeddedOptions() => new()
    {
        SiloPort = SiloHosting.FreeLoopbackPort(), GatewayPort = 0, ClusterId = $"embedded-{Environment.ProcessId}",
        TraceGrainCalls = EcoSimTelemetry.Endpoint() is not null,
    };

    /// <summary>
    /// Connects to a running cluster through its gateway, with the credentials its options name; a
    /// cluster that refuses them fails with a <see cref="ClusterSecurityException"/> that says why, one that cannot be
    /// reached (Redis down, no gateway in its table) with a <see cref="ClusterUnavailableException"/>.
    /// </summary>
    public static async Task<IOrleansConnection> ConnectAsync(EcoSimClusterOptions options, CancellationToken cancellation)
    {
        var credentials = ClusterCredentials.For(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        QuietLogging(builder.Logging);
        options.TraceGrainCalls |= EcoSimTelemetry.Endpoint() is not null;
        builder.UseOrleansClient(client => client.AddEcoSimClient(options, credentials));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
            var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            var silos = await management.GetHosts(onlyActive: true);
            return new HostConnection(host, silos.Count);
        }
        catch (Exception e) when (ClusterRefusal.Explain(e, Described(options), credentials) is { } refusal)
        {
            host.Dispose();
            throw new ClusterSecurityException(refusal, e);
        }
        catch (Exception e) when (ClusterUnreachable.Explain(e, Described(options), RedisOf(options)) is { } unreachable)
        {
            host.Dispose();
            throw new ClusterUnavailableException(unreachable, e);
        }
    }

    private static string? RedisOf(EcoSimClusterOptions options) => EcoSimClustering.Of(options) == EcoSimClustering.Redis ? options.Redis : null;

    private static string Described(EcoSimClusterOptions options) => EcoSimClustering.Of(options) == EcoSimClustering.Redis
        ? $"{ClusterAddress.RedisScheme}://{options.Redis}/{options.ClusterId}"
        : $"{options.Address}:{options.GatewayPort}";

    private static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        // Stack traces only for ECOSIM_DEBUG, as the command line promises.
        if (Environment.GetEnvironmentVariable("ECOSIM_DEBUG") is null)
            logging.AddConsole(console => console.FormatterName = OneLineLogFormatter.FormatterName).AddConsoleFormatter<OneLineLogFormatter, ConsoleFormatterOptions>();
        else
            logging.AddSimpleConsole(console => console.SingleLine = true);
        // A host that fails to start logs the exception with its stack before rethrowing it; the caller reports it in words.
        logging.AddFilter((category, level) => level >= LogLevel.Error && category != "Microsoft.Extensions.Hosting.Internal.Host");
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>A connection to grains that someone else hosts (a test cluster); disposing it leaves them running.</summary>
    public static IOrleansConnection Borrow(IGrainFactory grains, int silos) => new BorrowedConnection(grains, silos);

    private sealed class BorrowedConnection(IGrainFactory grains, int silos) : IOrleansConnection
    {
        public IGrainFactory Grains => grains;
        public int SiloCount => silos;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // A client of a cluster that others run: stopped gracefully, so its gateways learn at once that it has gone.
    private sealed class HostConnection(IHost host, int silos) : IOrleansConnection
    {
        public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IGrainFactory>();
        public int SiloCount => silos;

        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await host.StopAsync(timeout.Token); }
            finally { host.Dispose(); }
        }
    }
}
