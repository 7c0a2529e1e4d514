using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests;

/// <summary>What ecosim prints from files (names, paths, messages) cannot drive the terminal: control characters are shown as \uXXXX.</summary>
public sealed class TerminalTextTests
{
    private static readonly string[] Quick = ["--engine", "reference", "--ticks", "2", "--no-plots"];

    [Fact]
    public async Task Names_and_paths_from_files_reach_the_terminal_escaped()
    {
        string root = TestFiles.NewTempFolder();
        string scenario = Path.Combine(root, "evil.yaml");
        File.WriteAllText(scenario, File.ReadAllText(TestFiles.SmallScenario).Replace("name: small", "name: \"x\\e]0;owned\\a\\e[2J\""));
        string outDir = Path.Combine(root, "out");

        var run = await Ecosim(["run", scenario, .. Quick, "--out", outDir]);
        var validate = await Ecosim("validate", scenario, Path.Combine(root, "no\u001b[31mwhere.yaml"));

        Assert.Equal(2, run.Code);
        Assert.Equal(2, validate.Code);
        foreach (string printed in new[] { run.Errors, validate.Errors })
        {
            Assert.DoesNotContain('\u001b', printed);
            Assert.DoesNotContain('\u0007', printed);
            Assert.Contains("x\\u001B]0;owned\\u0007\\u001B[2J", printed);
        }
        Assert.Contains("no\\u001B[31mwhere.yaml: file not found", validate.Errors);
        Assert.Contains($"{scenario}:2:7: name: ", run.Errors);
        Assert.Equal([scenario], Directory.GetFileSystemEntries(root));
    }
}
