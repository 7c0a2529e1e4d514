using EcoSim.Model.Tests.Support;
using EcoSim.Model.Time;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>The scenario library under scenarios/ loads and says what its text says.</summary>
public class ScenarioLibraryTests
{
    [Fact]
    public void Guangdong_baseline_loads()
    {
        string path = TestWorlds.LibraryScenario("guangdong-baseline.yaml");
        var scenario = ScenarioLoader.Load(path);
        var w = scenario.World;
        Assert.Equal("guangdong-baseline", scenario.Name);
        Assert.StartsWith("What happens to Guangdong's twenty strategic industrial clusters", scenario.Description);
        Assert.Equal(path, scenario.Path);
        Assert.Single(scenario.Sources);
        Assert.Equal(new Period(2024, 1), w.Start);
        Assert.Equal(27 * 4, w.Ticks); // 2024Q1..2050Q4
        Assert.Equal(new Period(2050, 4), w.PeriodOf(w.Ticks - 1));
        Assert.Equal(20240101UL, w.Seed);
        Assert.Equal(75_000, w.Firms);
        Assert.Equal(20, w.ClusterCount);
        Assert.Equal(10, w.Clusters.Count(c => c.Kind == ClusterKind.Pillar));
        Assert.Equal(new ClusterSpec("electronics", "New-generation electronic information", ClusterKind.Pillar, 4000, 0.027, 1), w.Clusters[0]);
        Assert.Equal([240, 60, 12, 90], w.Labs.Select(l => l.Count));
        Assert.Equal(new FundGroup(FundKind.Guidance, 10, 100), w.Funds[1]);
        Assert.Equal(0.20, w.Parameters.BasicShare);
        Assert.Equal(100, w.Parameters.PublicBudget);
        Assert.Empty(w.Timeline);

        // Relatedness: symmetric, 1 on the diagonal, the listed pairs, 0.1 elsewhere.
        int Id(string id) => w.Clusters.Select(c => c.Id).ToList().IndexOf(id);
        for (int i = 0; i < 20; i++)
            for (int j = 0; j < 20; j++)
                Assert.Equal(i == j ? 1 : w.Related(j, i), w.Related(i, j));
        Assert.Equal(0.8, w.Related(Id("electronics"), Id("semiconductors")));
        Assert.Equal(0.8, w.Related(Id("semiconductors"), Id("electronics")));
        Assert.Equal(0.1, w.Related(Id("robots"), Id("agrifood")));
        Assert.Equal(64, scenario.Sha256.Length);
    }

    [Fact]
    public void One_third_rule_extends_the_baseline_with_one_event()
    {
        var baseline = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml"));
        var scenario = ScenarioLoader.Load(TestWorlds.LibraryScenario("one-third-basic-research.yaml"));
        Assert.Equal("one-third-basic-research", scenario.Name);
        Assert.Equal(2, scenario.Sources.Count);
        Assert.EndsWith("guangdong-baseline.yaml", scenario.Sources[1].Path);
        Assert.Contains("# ---- extends: guangdong-baseline.yaml ----", scenario.CombinedText);
        Assert.NotEqual(baseline.Sha256, scenario.Sha256);

        var w = scenario.World;
        Assert.Equal(baseline.World.Seed, w.Seed);
        Assert.Equal(baseline.World.Ticks, w.Ticks);
        Assert.Equal(baseline.World.Clusters, w.Clusters);
        Assert.Equal(baseline.World.Relatedness, w.Relatedness);
        Assert.Equal(baseline.World.Parameters, w.Parameters);
        // 2024Q4 is tick 3: a plain set (start = end tick).
        Assert.Equal([new ParameterChange("minBasicShare", 3, 3, 0.3333, 0.3333)], w.Timeline);
        Assert.Equal(0, w.ParametersAt(2).MinBasicShare);
        Assert.Equal(0.3333, w.ParametersAt(3).MinBasicShare);
        Assert.Equal(0.3333, w.ParametersAt(w.Ticks - 1).MinBasicShare);
    }

    [Fact]
    public void Tiny_template_is_valid()
    {
        using var folder = new TempFolder();
        var scenario = ScenarioLoader.Load(folder.Write("tiny.yaml", TinyScenario.Text));
        Assert.Equal(12, scenario.World.Ticks);
        Assert.Equal(3, scenario.World.ClusterCount);
        Assert.Equal(0.6, scenario.World.Related(1, 0));
        Assert.Equal(0.1, scenario.World.Related(2, 0));
        Assert.Equal([new ParameterChange("minBasicShare", 4, 4, 0.3333, 0.3333)], scenario.World.Timeline);
        Assert.Empty(ScenarioLoader.Validate(folder.Write("again.yaml", TinyScenario.Text)));
    }

    [Fact]
    public void A_ramp_starts_from_the_value_in_force_and_reaches_its_target()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ramp.yaml", TinyScenario.WithLine(26, "    ramp: { parameter: basicShare, to: 0.4, until: 2026Q1 }"));
        var w = ScenarioLoader.Load(path).World;
        // at 2025Q1 = tick 4, until 2026Q1 = tick 8: from 0.2 (the file's value) to 0.4, linearly.
        Assert.Equal([new ParameterChange("basicShare", 4, 8, 0.2, 0.4)], w.Timeline);
        Assert.Equal(0.2, w.ParametersAt(4).BasicShare, 1e-12);
        Assert.Equal(0.3, w.ParametersAt(6).BasicShare, 1e-12);
        Assert.Equal(0.4, w.ParametersAt(11).BasicShare, 1e-12);
    }
}
