using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>The folder boundary of 'extends' on real paths (links followed), and the scenario root that widens it.</summary>
public class ExtendsBoundaryTests
{
    private const string Secret = "# the text of a file outside the scenario folder\n";

    [Fact]
    public void A_linked_file_inside_the_folder_that_points_outside_is_refused()
    {
        using var f = new TempFolder();
        f.Write("private/base.yaml", Secret + TinyScenario.Text);
        string link = Path.Combine(f.Path, "scenarios", "base.yaml");
        f.Write("scenarios/child.yaml", "extends: base.yaml\nname: child\n");
        File.CreateSymbolicLink(link, Path.Combine(f.Path, "private", "base.yaml"));

        string path = Path.Combine(f.Path, "scenarios", "child.yaml");
        var e = TinyScenario.Fails(path);

        var error = Assert.Single(e.Errors);
        TinyScenario.AssertError(error, path, 1, 10, "extends", "'base.yaml' is outside the scenario's folder");
        Assert.Contains(Path.Combine(f.Path, "private", "base.yaml"), error.Message);
        Assert.DoesNotContain(Secret.Trim(), e.Message);
    }

    [Fact]
    public void A_linked_folder_inside_the_folder_that_points_outside_is_refused()
    {
        using var f = new TempFolder();
        f.Write("private/base.yaml", Secret + TinyScenario.Text);
        f.Write("scenarios/child.yaml", "extends: shared/base.yaml\nname: child\n");
        Directory.CreateSymbolicLink(Path.Combine(f.Path, "scenarios", "shared"), Path.Combine(f.Path, "private"));

        TinyScenario.AssertSingleError(Path.Combine(f.Path, "scenarios", "child.yaml"), 1, 10, "extends", "is outside the scenario's folder");
    }

    [Fact]
    public void Dot_dot_after_a_link_is_taken_from_where_the_link_points()
    {
        // scenarios/deep -> private/a/b, so scenarios/deep/../base.yaml is private/a/base.yaml, not scenarios/base.yaml.
        using var f = new TempFolder();
        f.Write("private/a/base.yaml", Secret + TinyScenario.Text);
        f.Write("scenarios/base.yaml", TinyScenario.Text);
        Directory.CreateDirectory(Path.Combine(f.Path, "private", "a", "b"));
        f.Write("scenarios/child.yaml", "extends: deep/../base.yaml\nname: child\n");
        Directory.CreateSymbolicLink(Path.Combine(f.Path, "scenarios", "deep"), Path.Combine(f.Path, "private", "a", "b"));

        TinyScenario.AssertSingleError(Path.Combine(f.Path, "scenarios", "child.yaml"), 1, 10, "extends", "is outside the scenario's folder");
    }

    [Fact]
    public void A_link_that_stays_inside_the_folder_is_followed()
    {
        using var f = new TempFolder();
        f.Write("scenarios/common/base.yaml", TinyScenario.Text);
        f.Write("scenarios/child.yaml", "extends: base.yaml\nname: child\n");
        File.CreateSymbolicLink(Path.Combine(f.Path, "scenarios", "base.yaml"), Path.Combine(f.Path, "scenarios", "common", "base.yaml"));

        var scenario = ScenarioLoader.Load(Path.Combine(f.Path, "scenarios", "child.yaml"));

        Assert.Equal("child", scenario.Name);
        Assert.Contains("# ---- extends: base.yaml ----", scenario.CombinedText);
    }

    [Fact]
    public void The_scenario_root_lets_extends_reach_a_file_elsewhere_by_a_relative_or_absolute_path()
    {
        using var f = new TempFolder();
        string shared = f.Write("shared/base.yaml", TinyScenario.Text);
        string relative = f.Write("project/scenarios/child.yaml", "extends: ../../shared/base.yaml\nname: child\n");
        string absolute = f.Write("project/scenarios/absolute.yaml", $"extends: {shared}\nname: absolute\n");

        TinyScenario.AssertSingleError(relative, 1, 10, "extends", "--scenario-root");
        Assert.Equal("child", ScenarioLoader.Load(relative, extraRoot: Path.Combine(f.Path, "shared")).Name);
        Assert.Equal("absolute", ScenarioLoader.Load(absolute, extraRoot: Path.Combine(f.Path, "shared")).Name);
        var elsewhere = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(relative, extraRoot: Path.Combine(f.Path, "project")));
        Assert.Contains("and the scenario root", Assert.Single(elsewhere.Errors).Message);
    }

    [Fact]
    public void The_scenario_root_is_judged_on_its_real_path_too()
    {
        using var f = new TempFolder();
        f.Write("private/base.yaml", Secret + TinyScenario.Text);
        string child = f.Write("project/child.yaml", "extends: ../shared/trap/base.yaml\nname: child\n");
        Directory.CreateDirectory(Path.Combine(f.Path, "shared"));
        Directory.CreateSymbolicLink(Path.Combine(f.Path, "shared", "trap"), Path.Combine(f.Path, "private"));

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(child, extraRoot: Path.Combine(f.Path, "shared")));

        Assert.Contains("is outside the scenario's folder", Assert.Single(e.Errors).Message);
    }

    [Fact]
    public void A_scenario_root_that_is_not_a_folder_is_an_error()
    {
        using var f = new TempFolder();
        string path = f.Write("child.yaml", TinyScenario.Text);
        string missing = Path.Combine(f.Path, "nowhere");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path, extraRoot: missing));

        Assert.Equal(missing, Assert.Single(e.Errors).File);
        Assert.Contains("is not a folder", e.Errors[0].Message);
    }
}
