using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>Every file of the scenario library loads, says what question it answers, and runs.</summary>
public class EveryLibraryScenarioTests
{
    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(TestWorlds.RepoRoot, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order();

    public static TheoryData<string> LibraryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files()) data.Add(file);
        return data;
    }

    [Fact]
    public void The_library_holds_the_scenarios_the_product_promises()
    {
        var files = Files().ToHashSet();
        foreach (var name in new[] { "guangdong-baseline", "one-third-basic-research", "basic-research-10pct", "talent-programme",
                     "guidance-fund-expansion", "biomedicine-pipeline", "large-science-facility", "oecd-like-basic-share" })
            Assert.Contains($"{name}.yaml", files);
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void A_library_scenario_loads_explains_itself_and_runs_a_few_ticks(string file)
    {
        var scenario = ScenarioLoader.Load(TestWorlds.LibraryScenario(file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.True(scenario.Description.Length > 80, $"{file}: the description should say what question the scenario answers");
        var world = scenario.World with { Firms = 3000, Ticks = 3 };
        foreach (var tick in new ReferenceEngine(world).Run())
            foreach (var row in tick.Rows)
                foreach (var column in MetricColumns.All)
                    Assert.True(double.IsFinite(column.Value(row)), $"{file}: {column.Name} at {row.Period} {row.ClusterId}");
    }
}
