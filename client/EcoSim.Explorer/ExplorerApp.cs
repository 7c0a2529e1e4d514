using System.Reflection;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Runs;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using Orleans.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoSim.Explorer;

/// <summary>How the explorer is served.</summary>
/// <param name="Urls">Where it listens, e.g. <c>http://127.0.0.1:5080</c> (port 0 picks a free one).</param>
/// <param name="Limits">How much it takes on.</param>
/// <param name="DashboardForAll">Serve the Orleans Dashboard to callers beyond this machine (it has no accounts).</param>
public sealed record ExplorerSettings(string Urls = ExplorerSettings.DefaultUrls, ExplorerLimits? Limits = null, bool DashboardForAll = false)
{
    /// <summary>Loopback only: the explorer has no accounts, so it is not offered to the network unless asked.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";
}

/// <summary>
/// Builds the explorer's web application over an engine that is already open (an embedded silo or a
/// cluster client, see <see cref="EngineChoice"/>): the page and its chart library from the assembly,
/// the API (<see cref="ExplorerApi"/>) and its OpenAPI description, and a timer that releases idle runs.
/// </summary>
public static class ExplorerApp
{
    /// <summary>The application over an engine the caller opened, not yet started; disposing it releases every run (not the engine).</summary>
    /// <param name="settings">Where it listens and its limits.</param>
    /// <param name="engine">The engine runs go to; the caller keeps and disposes it.</param>
    /// <param name="configure">Changes to the builder before it builds (tests use an in-memory server).</param>
    public static WebApplication Create(ExplorerSettings settings, ISimulationEngine engine, Action<WebApplicationBuilder>? configure = null) =>
        Build(settings, _ => engine, configure, dashboard: false);

    /// <summary>
    /// The application with an Orleans silo in its own host, and the Orleans Dashboard at
    /// <c>/dashboard</c> showing the silo, grains and calls behind the page's runs (to loopback callers
    /// only, unless <see cref="ExplorerSettings.DashboardForAll"/>). Disposing it stops the silo.
    /// </summary>
    /// <param name="settings">Where it listens and its limits.</param>
    /// <param name="firmsPerShard">Firms per shard grain.</param>
    /// <param name="configure">Changes to the builder before it builds.</param>
    public static WebApplication CreateWithEmbeddedSilo(ExplorerSettings settings, int firmsPerShard = RunLayout.DefaultFirmsPerShard, Action<WebApplicationBuilder>? configure = null) =>
        Build(settings, services => new OrleansSimulation(OrleansConnections.Borrow(services.GetRequiredService<IGrainFactory>(), 1), firmsPerShard, RestartPolicy.Embedded), builder =>
        {
            builder.UseOrleans(silo => silo.AddEcoSimSilo(OrleansConnections.EmbeddedOptions()).AddDashboard());
            configure?.Invoke(builder);
        }, dashboard: true);

    private static WebApplication Build(ExplorerSettings settings, Func<IServiceProvider, ISimulationEngine> engine, Action<WebApplicationBuilder>? configure, bool dashboard)
    {
        var limits = settings.Limits ?? new ExplorerLimits();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The silo's watchdog warns, on a busy machine, that its first check "has not completed" for as long as the machine
        // has been up (its clock starts at zero): the first thing a new user read, before the address, and meaningless here.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Services.ConfigureHttpJsonOptions(json => ExplorerJson.Apply(json.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(services => new RunRegistry(services.GetRequiredService<ISimulationEngine>(), limits, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => new EnsembleRegistry(services.GetRequiredService<ISimulationEngine>()));
        builder.Services.AddSingleton<SessionKeys>();
        builder.Services.AddHostedService<IdleRunReleaser>();
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<ApiErrors>();
        var page = new ManifestEmbeddedFileProvider(Assembly.GetExecutingAssembly(), "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.MapOpenApi();
        ExplorerApi.Map(app);
        MemoryProbe.MapIfEnabled(app);
        if (dashboard)
        {
            var group = app.MapOrleansDashboard(DashboardPath);
            if (!settings.DashboardForAll) group.AddEndpointFilter(LoopbackOnly);
        }
        return app;
    }

    /// <summary>Where the Orleans Dashboard is served.</summary>
    public const string DashboardPath = "/dashboard";

    // The dashboard has no accounts and shows every grain: it answers the machine itself only, unless asked.
    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
            ? await next(context)
            : Results.Problem("the Orleans Dashboard answers only on this machine (start ecosim serve with --dashboard-for-all to offer it further)", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>The addresses a started application listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
