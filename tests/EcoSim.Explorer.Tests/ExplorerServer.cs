using System.Net.Http.Json;
using System.Text.Json;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EcoSim.Explorer.Tests;

/// <summary>The explorer on an in-memory server over the reference engine, and a client that keeps one session.</summary>
internal sealed class ExplorerServer : IAsyncDisposable
{
    public static JsonSerializerOptions Json => ExplorerJson.Options;

    /// <summary>The error a refused request carries (its message and the problems by field).</summary>
    public static async Task<ApiError> ErrorOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<ApiError>(Json))!;

    /// <summary>A small world: the baseline's clusters, 2,000 firms, three years.</summary>
    public const string SmallScenario = """
        name: explorer-small
        description: the baseline, small and short
        extends: guangdong-baseline.yaml
        end: 2026Q4
        population:
          firms: 2000
        """;

    private readonly WebApplication _app;
    private readonly ReferenceSimulation _engine;

    private ExplorerServer(WebApplication app, ReferenceSimulation engine) => (_app, _engine) = (app, engine);

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server's registry of live runs, to reach a run's objects from a test.</summary>
    public RunRegistry Runs => _app.Services.GetRequiredService<RunRegistry>();

    /// <summary>The server's registry of ensembles.</summary>
    public EnsembleRegistry Ensembles => _app.Services.GetRequiredService<EnsembleRegistry>();

    /// <summary>The session id the server gave <see cref="Client"/>.</summary>
    public string ClientSession => _clientSession?.Session ?? throw new InvalidOperationException("the client has made no request yet");

    private SessionHandler? _clientSession;

    public static async Task<ExplorerServer> StartAsync(ExplorerLimits? limits = null)
    {
        var engine = new ReferenceSimulation();
        var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0", limits), engine, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        var server = new ExplorerServer(app, engine);
        server._clientSession = new SessionHandler(app.GetTestServer().CreateHandler());
        server.Client = new HttpClient(server._clientSession) { BaseAddress = new Uri("http://explorer/") };
        return server;
    }

    /// <summary>A client with a session of its own (the server gives it one on its first request).</summary>
    public HttpClient NewSession() => new(new SessionHandler(_app.GetTestServer().CreateHandler())) { BaseAddress = new Uri("http://explorer/") };

    public async Task<RunView> StartRunAsync(object request, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsJsonAsync("api/runs", request, Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RunView>(Json))!;
    }

    public async Task<TRead> PostAsync<TRead>(string path, object? body, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsJsonAsync(path, body, Json);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TRead>(Json))!;
    }

    public async Task<TRead> GetAsync<TRead>(string path, HttpClient? client = null) =>
        (await (client ?? Client).GetFromJsonAsync<TRead>(path, Json))!;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
    }

    // Sends back the session id the server gave, as a script would (a browser keeps the cookie).
    private sealed class SessionHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private string? _session;

        public string? Session => _session;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_session is not null) request.Headers.Add("X-EcoSim-Session", _session);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("X-EcoSim-Session", out var given)) _session = given.First();
            return response;
        }
    }
}
