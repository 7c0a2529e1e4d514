using System.Text.Json.Nodes;
using EcoSim.Experiments.Output;
using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests;

/// <summary>manifest.json says whether the build's working tree had uncommitted changes; reproduce treats it as provenance.</summary>
public sealed class UncommittedChangesTests
{
    [Fact]
    public async Task A_manifest_records_the_builds_uncommitted_changes_and_reproduce_does_not_compare_them()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "run");
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--ticks", "3", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);

        string path = Path.Combine(dir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.True(manifest.ContainsKey("uncommittedChanges"));
        Assert.Equal(RunEnvironment.UncommittedChanges, (bool?)manifest["uncommittedChanges"]);
        Assert.Equal(RunEnvironment.UncommittedChanges, ManifestReader.Read(path).UncommittedChanges);

        // The other answer in the manifest (a build from another tree) must not fail a reproduction whose data match.
        manifest["uncommittedChanges"] = RunEnvironment.UncommittedChanges != true;
        File.WriteAllText(path, manifest.ToJsonString());
        var (again, output, reproduceErrors) = await Ecosim("reproduce", path, "--out", Path.Combine(root, "again"));
        Assert.True(again == 0, reproduceErrors + output);
        Assert.Contains("reproduced: all 2 data files are byte-identical", output);
    }
}
