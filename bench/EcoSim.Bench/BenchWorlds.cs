using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Bench;

/// <summary>The baseline scenario at a chosen population, for benchmarks.</summary>
internal static class BenchWorlds
{
    public static WorldSpec Baseline(int firms, int ticks)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("run the benchmarks from inside the EcoSim repository");
        var world = ScenarioLoader.Load(Path.Combine(dir.FullName, "scenarios", "guangdong-baseline.yaml")).World;
        return world with { Firms = firms, Ticks = ticks };
    }
}
