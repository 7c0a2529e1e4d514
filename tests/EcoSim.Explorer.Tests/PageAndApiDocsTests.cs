using System.Net;
using System.Text.Json;

namespace EcoSim.Explorer.Tests;

/// <summary>The page, its vendored chart library with its licence, and the OpenAPI description are served by the explorer itself.</summary>
public sealed class PageAndApiDocsTests
{
    [Fact]
    public async Task The_page_and_its_chart_library_are_served_from_the_assembly()
    {
        await using var server = await ExplorerServer.StartAsync();
        string page = await server.Client.GetStringAsync("/");
        Assert.Contains("<script src=\"explorer.js\"></script>", page);
        Assert.Contains("vendor/uplot/uPlot.iife.min.js", page);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", page);
        Assert.Contains("uPlot", await server.Client.GetStringAsync("vendor/uplot/uPlot.iife.min.js"));
        Assert.Contains("MIT License", await server.Client.GetStringAsync("vendor/uplot/LICENSE.txt"));
        Assert.Contains("1.6.32", await server.Client.GetStringAsync("vendor/uplot/VERSION.txt"));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("../../EcoSim.Explorer.dll")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_described_in_openapi_at_a_stable_path()
    {
        await using var server = await ExplorerServer.StartAsync();
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/runs", "/api/runs/{id}", "/api/runs/{id}/step", "/api/runs/{id}/play", "/api/runs/{id}/pause", "/api/runs/{id}/branch", "/api/runs/{id}/events", "/api/levers", "/api/scenarios", "/api/metrics" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        Assert.Contains("Branches a paused run", paths.GetProperty("/api/runs/{id}/branch").GetProperty("post").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Every_lever_comes_from_the_catalogue_with_its_range_and_unit()
    {
        await using var server = await ExplorerServer.StartAsync();
        var levers = await server.GetAsync<Library.LeverInfo[]>("api/levers");
        Assert.Contains(levers, l => l.Name == "minBasicShare" && l.Min == 0 && l.Max == 1 && l.Unit == "share");
        Assert.All(levers, l =>
        {
            Assert.True(Model.Parameters.ParameterCatalog.TryGet(l.Name, out var spec));
            Assert.False(spec.FixedAtStart);
            Assert.True(l.SliderMin >= spec.Min && l.SliderMax <= spec.Max && l.SliderMin < l.SliderMax, l.Name);
            Assert.False(string.IsNullOrWhiteSpace(l.Description));
        });
    }
}
