using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// Copies of a scenario's files saved side by side in one folder (as the calibrated scenario is) load from
/// there into the same world, however the originals named one another.
/// </summary>
public class FlatScenarioChainTests
{
    [Fact]
    public void A_chain_that_reaches_up_a_folder_loads_from_its_flat_copy_as_the_same_world()
    {
        using var f = new TempFolder();
        f.Write("project/base.yaml", TinyScenario.Text);
        string child = f.Write("project/studies/child.yaml", "name: child\n# the parent is one folder up\nextends: ../base.yaml\nparameters:\n  basicShare: 0.25\n");
        var original = ScenarioLoader.Load(child, extraRoot: Path.Combine(f.Path, "project"));

        string flat = Path.Combine(f.Path, "flat");
        var chain = FlatScenarioChain.WriteTo(flat, original);

        Assert.Equal(["child.yaml", "base.yaml"], chain.Select(p => p.Path));
        Assert.Equal("name: child\n# the parent is one folder up\nextends: base.yaml\nparameters:\n  basicShare: 0.25\n", File.ReadAllText(Path.Combine(flat, "child.yaml")));
        Assert.Equal(TinyScenario.Text, File.ReadAllText(Path.Combine(flat, "base.yaml")));
        AssertSameWorld(original, ScenarioLoader.Load(Path.Combine(flat, "child.yaml")));
    }

    [Fact]
    public void Two_files_of_one_name_in_different_folders_get_names_of_their_own()
    {
        using var f = new TempFolder();
        f.Write("project/base.yaml", TinyScenario.Text);
        f.Write("project/studies/base.yaml", "name: middle\nextends: '../base.yaml'   # quoted, with a comment\nseed: 11\n");
        string child = f.Write("project/studies/child.yaml", "name: child\nextends: base.yaml\nparameters:\n  basicShare: 0.25\n");
        var original = ScenarioLoader.Load(child, extraRoot: Path.Combine(f.Path, "project"));

        string flat = Path.Combine(f.Path, "flat");
        var chain = FlatScenarioChain.WriteTo(flat, original);

        Assert.Equal(["child.yaml", "base.yaml", "base-2.yaml"], chain.Select(p => p.Path));
        Assert.Equal("name: middle\nextends: base-2.yaml   # quoted, with a comment\nseed: 11\n", chain[1].Text);
        var copy = ScenarioLoader.Load(Path.Combine(flat, "child.yaml"));
        AssertSameWorld(original, copy);
        Assert.Equal(11UL, copy.World.Seed);
    }

    [Fact]
    public void A_name_the_caller_reserves_is_not_taken_and_odd_file_names_are_quoted()
    {
        using var f = new TempFolder();
        f.Write("project/my base.yaml", TinyScenario.Text);
        f.Write("project/x-calibrated.yaml", "name: x\nextends: \"my base.yaml\"\n");
        var original = ScenarioLoader.Load(Path.Combine(f.Path, "project", "x-calibrated.yaml"));

        string flat = Path.Combine(f.Path, "flat");
        var chain = FlatScenarioChain.WriteTo(flat, original, "x-calibrated.yaml");

        Assert.Equal(["x-calibrated-2.yaml", "my base.yaml"], chain.Select(p => p.Path));
        Assert.Equal("name: x\nextends: 'my base.yaml'\n", chain[0].Text);
        Assert.False(File.Exists(Path.Combine(flat, "x-calibrated.yaml")));
        AssertSameWorld(original, ScenarioLoader.Load(Path.Combine(flat, "x-calibrated-2.yaml")));
    }

    private static void AssertSameWorld(Scenario expected, Scenario actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.World.Seed, actual.World.Seed);
        Assert.Equal(expected.World.Firms, actual.World.Firms);
        Assert.Equal(expected.World.Parameters, actual.World.Parameters);
        Assert.Equal(expected.World.Clusters, actual.World.Clusters);
        Assert.Equal(expected.World.Timeline, actual.World.Timeline);
    }
}
