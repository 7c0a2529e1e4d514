using System.Net.Http.Json;
using System.Text.Json;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer;
using EcoSim.Explorer.Runs;
using EcoSim.Hosting;
using EcoSim.Model.Engine;
using EcoSim.Model.World;
using Microsoft.AspNetCore.Builder;

namespace EcoSim.Cluster.Tests;

/// <summary>What the explorer's cluster tests share: an engine on the cluster, a client of the explorer's HTTP API, and the bytes to compare.</summary>
internal static class ExplorerHttp
{
    public static JsonSerializerOptions Json => ExplorerJson.Options;

    /// <summary>The baseline's clusters, 2,000 firms, four years (16 quarters).</summary>
    public const string Small = """
        name: explorer-cluster
        description: the baseline, small and short
        extends: guangdong-baseline.yaml
        end: 2027Q4
        population:
          firms: 2000
        """;

    /// <summary>An engine on the cluster under test, as <c>ecosim serve --cluster</c> opens one (but with its own restart policy).</summary>
    public static async Task<OrleansSimulation> EngineAsync(RestartPolicy restarts) =>
        new(await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None), 512, restarts);

    /// <summary>A client of the explorer with the session the server gave it on its first request.</summary>
    public static async Task<HttpClient> SessionAsync(WebApplication app)
    {
        var http = new HttpClient { BaseAddress = new Uri(ExplorerApp.Addresses(app)[0] + "/"), Timeout = TimeSpan.FromMinutes(3) };
        var hello = await http.GetAsync("api/runs");
        http.DefaultRequestHeaders.Add("X-EcoSim-Session", hello.Headers.GetValues("X-EcoSim-Session").Single());
        return http;
    }

    public static async Task<T> PostAsync<T>(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body, Json);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task<T> GetAsync<T>(HttpClient http, string path) => (await http.GetFromJsonAsync<T>(path, Json))!;

    /// <summary>The first <paramref name="ticks"/> quarters of <paramref name="world"/> on the reference engine, as bits, one array per row.</summary>
    public static List<long[]> Oracle(WorldSpec world, int ticks) =>
        [.. new ReferenceEngine(world).Run().Take(ticks).SelectMany(o => o.Rows.Select(r => r.Values.Select(BitConverter.DoubleToInt64Bits).ToArray()))];

    /// <summary>The quarters as bits, in the reference engine's row order (the clusters, then the region).</summary>
    public static List<long[]> Bits(IEnumerable<QuarterView> quarters) =>
        [.. quarters.SelectMany(q => q.Clusters.Append(q.Region).Select(r => r.Select(BitConverter.DoubleToInt64Bits).ToArray()))];
}
