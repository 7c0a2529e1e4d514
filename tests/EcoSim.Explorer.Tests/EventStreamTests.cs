using System.Text.Json;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Runs;

namespace EcoSim.Explorer.Tests;

/// <summary>The event stream sends the history, then each new quarter once, in order, with no gap.</summary>
public sealed class EventStreamTests
{
    [Fact]
    public async Task A_late_subscriber_gets_every_quarter_once_in_order()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await server.Client.GetAsync($"api/runs/{run.Id}/events?from=1", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var stepping = Task.Run(async () =>
        {
            await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(2));
            await server.PostAsync<RunView>($"api/runs/{run.Id}/play", new PlayRequest(0));
        });
        var ticks = new List<int>();
        var statuses = new List<RunStatus>();
        string? kind = null;
        while (statuses.LastOrDefault() != RunStatus.Finished && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var message = JsonSerializer.Deserialize<RunEvent>(line[6..], ExplorerServer.Json)!;
            Assert.Equal(kind, message.Kind);
            if (message.Quarter is { } quarter) ticks.Add(quarter.Tick);
            if (message.Run is { } view) statuses.Add(view.Status);
        }
        await stepping;
        Assert.Equal(Enumerable.Range(1, 11), ticks);
        Assert.Equal(RunStatus.Paused, statuses[0]);
        Assert.Equal(RunStatus.Finished, statuses[^1]);
    }
}
