using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer.Library;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Explorer.Tests;

/// <summary>The documented Python script (standard library only) drives a run and a branch over real HTTP and reads the engine's numbers.</summary>
public sealed class PythonClientTests
{
    [Fact]
    public async Task The_documented_python_script_runs_branches_and_reads_metrics()
    {
        if (Tools.Find("python3") is not { } python) { Tools.SkipOrFail("python3"); return; }
        await using var engine = new ReferenceSimulation();
        await using var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine);
        await app.StartAsync();
        string url = ExplorerApp.Addresses(app)[0];
        var start = new ProcessStartInfo(python, [Path.Combine(AppContext.BaseDirectory, "explorer_client.py"), url, "--quarters", "3"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,knowledge_stock,researchers,branch_knowledge_stock,branch_researchers", lines[0]);
        Assert.Equal(7, lines.Length);

        var world = ScenarioLibrary.Shipped.Find(ScenarioLibrary.Default)!.World;
        var levered = world with { Timeline = [.. world.Timeline, new ParameterChange("minBasicShare", 4, 4, 1.0 / 3, 1.0 / 3)] };
        var expected = new ReferenceEngine(levered).Run().Take(6).Select(o => o.Rows[^1]).ToList();
        for (int t = 0; t < 6; t++)
        {
            var cells = lines[t + 1].Split(',');
            Assert.Equal(world.PeriodOf(t).ToString(), cells[0]);
            Assert.Equal(expected[t][MetricColumns.KnowledgeStock], double.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected[t][MetricColumns.Researchers], double.Parse(cells[2], CultureInfo.InvariantCulture));
            if (t < 3) Assert.Equal(cells[1..3], cells[3..5]);
        }
        Assert.Contains("parts from run", await errors);
        await app.StopAsync();
    }
}
