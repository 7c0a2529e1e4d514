using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests;

/// <summary>Paths of test inputs and the repository, and temporary folders.</summary>
internal static class TestFiles
{
    public static string SmallScenario => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small.yaml");

    public static Scenario LoadSmall() => ScenarioLoader.Load(SmallScenario);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("EcoSim.sln not found above the test folder");
        }
    }

    public static string NewTempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "ecosim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
