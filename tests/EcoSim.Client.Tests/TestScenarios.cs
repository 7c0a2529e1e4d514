using EcoSim.Scenarios;

namespace EcoSim.Client.Tests;

/// <summary>Scenario files for client tests, written next to the small test world of the integration tests.</summary>
internal static class TestScenarios
{
    /// <summary>The small test world (four clusters, two years), found above the test folder.</summary>
    public static string SmallBaselinePath => Path.Combine(RepositoryRoot, "tests", "EcoSim.Integration.Tests", "Scenarios", "small-baseline.yaml");

    /// <summary>A scenario of the library (scenarios/), by file name.</summary>
    public static string LibraryPath(string fileName) => Path.Combine(RepositoryRoot, "scenarios", fileName);

    /// <summary>The folder of EcoSim.sln, found above the test folder.</summary>
    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("EcoSim.sln not found above the test folder");
        }
    }

    /// <summary>Writes the small baseline and <paramref name="text"/> (which may extend it as small-baseline.yaml) into <paramref name="folder"/> and loads the latter.</summary>
    public static Scenario Load(TempFolder folder, string fileName, string text)
    {
        File.Copy(SmallBaselinePath, folder.Combine("small-baseline.yaml"), overwrite: true);
        string path = folder.Combine(fileName);
        File.WriteAllText(path, text);
        return ScenarioLoader.Load(path);
    }

    /// <summary>A policy scenario whose description and comments try to inject markup and an external image.</summary>
    public const string Hostile = """
        # </pre><script>alert('comment')</script><img src="https://evil.example/c.png">
        name: hostile
        description: "<script>alert('x')</script> & <img src=\"https://evil.example/x.png\"> ]]> --> \u00e9"
        extends: small-baseline.yaml
        events:
          - at: 2024Q4
            set: { minBasicShare: 0.3333 }
        """;
}
