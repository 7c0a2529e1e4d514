using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EcoSim.Client.Cli;

namespace EcoSim.Integration.Tests;

/// <summary><c>ecosim serve</c>: listens where told, says where, refuses bad addresses, warns when exposed, stops on Ctrl-C.</summary>
public sealed partial class ServeCommandTests
{
    [Theory]
    [InlineData("ftp://127.0.0.1:5080", "is not an address to listen on")]
    [InlineData("127.0.0.1:5080", "is not an address to listen on")]
    [InlineData("http://127.0.0.1:5080/explorer", "is not an address to listen on")]
    [InlineData(";", "--urls is empty")]
    public async Task A_bad_address_is_refused_before_anything_starts(string urls, string message)
    {
        var (code, output, errors) = await CliRunner.Ecosim("serve", "--urls", urls, "--engine", "reference");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, errors);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task It_serves_on_the_address_it_prints_until_interrupted()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = EcoSimCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--engine", "reference"], TextWriter.Synchronized(output), TextWriter.Synchronized(errors), stop.Token);
        string? address = null;
        for (int i = 0; i < 600 && address is null && !serving.IsCompleted; i++)
        {
            await Task.Delay(100);
            address = Address().Match(output.ToString()) is { Success: true } m ? m.Groups[1].Value : null;
        }
        Assert.True(address is not null, $"no address printed: {output} {errors}");
        using var http = new HttpClient { BaseAddress = new Uri(address!) };
        var scenarios = await http.GetFromJsonAsync<System.Text.Json.JsonElement[]>("api/scenarios");
        Assert.Contains(scenarios!, s => s.GetProperty("file").GetString() == "guangdong-baseline.yaml");
        Assert.DoesNotContain("warning", errors.ToString());
        stop.Cancel();
        Assert.Equal(ExitCodes.Ok, await serving);
        Assert.Contains("explorer stopped", output.ToString());
    }

    [GeneratedRegex(@"open (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex Address();
}
