using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Scale;

/// <summary>The repository the harness runs in and the baseline scenario at a chosen size.</summary>
internal static class Worlds
{
    /// <summary>The folder holding EcoSim.sln, found upwards from the program.</summary>
    public static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run the harness from inside the EcoSim repository");
    }

    /// <summary>The baseline scenario as the CLI loads it.</summary>
    public static Scenario BaselineScenario() => ScenarioLoader.Load(Path.Combine(Repository(), "scenarios", "guangdong-baseline.yaml"));

    /// <summary>The baseline world with <paramref name="firms"/> firms at the start and <paramref name="ticks"/> ticks.</summary>
    public static WorldSpec Baseline(int firms, int ticks) => BaselineScenario().World with { Firms = firms, Ticks = ticks };
}
