using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>'extends': merging, errors in the files extended, cycles, and the folder boundary.</summary>
public class ExtendsTests
{
    private static string Child(string extends, string rest = "name: child\n") => $"extends: {extends}\n{rest}";

    [Fact]
    public void A_child_overrides_scalars_merges_parameters_and_appends_events()
    {
        using var f = new TempFolder();
        f.Write("base.yaml", TinyScenario.Text);
        string path = f.Write("child.yaml", Child("base.yaml",
            "name: child\nparameters:\n  publicBudget: 50\nevents:\n  - at: 2026Q1\n    set: { basicShare: 0.25 }\n"));
        var scenario = ScenarioLoader.Load(path);
        Assert.Equal("child", scenario.Name);
        Assert.Equal("a small valid scenario for tests", scenario.Description);
        Assert.Equal([path, Path.Combine(f.Path, "base.yaml")], scenario.Sources.Select(s => s.Path));
        var w = scenario.World;
        Assert.Equal(50, w.Parameters.PublicBudget);
        Assert.Equal(0.2, w.Parameters.BasicShare);
        Assert.Equal([new ParameterChange("minBasicShare", 4, 4, 0.3333, 0.3333), new ParameterChange("basicShare", 8, 8, 0.25, 0.25)], w.Timeline);
    }

    [Fact]
    public void A_file_in_a_subfolder_may_be_extended()
    {
        using var f = new TempFolder();
        f.Write("library/base.yaml", TinyScenario.Text);
        Assert.Equal("child", ScenarioLoader.Load(f.Write("child.yaml", Child("library/base.yaml"))).Name);
    }

    [Fact]
    public void Errors_in_the_extended_file_name_that_file_and_line()
    {
        using var f = new TempFolder();
        f.Write("base.yaml", TinyScenario.WithLine(23, "  basicShare: 1.5"));
        string path = f.Write("child.yaml", Child("base.yaml"));
        TinyScenario.AssertSingleError(path.Replace("child.yaml", "base.yaml"), 23, 15, "parameters.basicShare", "value 1.5 is outside");
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        TinyScenario.AssertError(error, Path.Combine(f.Path, "base.yaml"), 23, 15, "parameters.basicShare", "value 1.5 is outside the allowed range [0, 1] share");
    }

    [Fact]
    public void Whole_scenario_errors_from_the_extended_file_name_that_file()
    {
        // The child repeats nothing but the name; the event of the base is outside the horizon the child sets.
        using var f = new TempFolder();
        f.Write("base.yaml", TinyScenario.Text);
        string path = f.Write("child.yaml", Child("base.yaml", "name: child\nend: 2024Q4\n"));
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        TinyScenario.AssertError(error, Path.Combine(f.Path, "base.yaml"), 26, 27, "events[0].set.minBasicShare", "event date 2025Q1 is outside the horizon 2024Q1..2024Q4");
    }

    // "extends: x.yaml": errors about what a file extends are reported at the value, line 1 column 10,
    // of the file that says it, with the key 'extends'.

    [Fact]
    public void Cyclic_extends_is_rejected_where_the_cycle_closes()
    {
        using var f = new TempFolder();
        string a = f.Write("a.yaml", Child("b.yaml", "name: a\n"));
        string b = f.Write("b.yaml", Child("a.yaml", "name: b\n"));
        var error = Assert.Single(TinyScenario.Fails(a).Errors);
        TinyScenario.AssertError(error, b, 1, 10, "extends", "'extends' makes a cycle: a.yaml -> b.yaml -> a.yaml");
    }

    [Fact]
    public void A_file_extending_itself_is_rejected()
    {
        using var f = new TempFolder();
        string a = f.Write("self.yaml", Child("self.yaml"));
        TinyScenario.AssertSingleError(a, 1, 10, "extends", "'extends' makes a cycle: self.yaml -> self.yaml");
    }

    [Fact]
    public void Extending_a_file_outside_the_folder_is_rejected()
    {
        using var f = new TempFolder();
        f.Write("outside.yaml", TinyScenario.Text); // exists: the refusal is not a 'file not found'
        string path = f.Write("scenarios/child.yaml", Child("../outside.yaml"));
        TinyScenario.AssertSingleError(path, 1, 10, "extends", "'../outside.yaml' is outside the scenario's folder");
        Assert.Contains($"{path}:1:10: extends: '../outside.yaml' is outside the scenario's folder", TinyScenario.Fails(path).Message);
        string absolute = f.Write("scenarios/absolute.yaml", Child(Path.Combine(f.Path, "outside.yaml")));
        TinyScenario.AssertSingleError(absolute, 1, 10, "extends", "is outside the scenario's folder");
        string sibling = f.Write("scenarios/sibling.yaml", Child("../scenarios-other/x.yaml"));
        TinyScenario.AssertSingleError(sibling, 1, 10, "extends", "is outside the scenario's folder");
    }

    [Fact]
    public void Extending_a_missing_file_names_the_missing_file()
    {
        using var f = new TempFolder();
        string path = f.Write("child.yaml", Child("nothere.yaml"));
        TinyScenario.AssertSingleError(path, 1, 10, "extends", $"file not found: {Path.Combine(f.Path, "nothere.yaml")}");
    }

    [Fact]
    public void A_missing_file_further_up_the_chain_is_reported_in_the_file_that_extends_it()
    {
        using var f = new TempFolder();
        string middle = f.Write("middle.yaml", "# the middle of the chain\nextends: nothere.yaml\n");
        string path = f.Write("child.yaml", Child("middle.yaml"));
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        TinyScenario.AssertError(error, middle, 2, 10, "extends", "file not found");
    }

    [Fact]
    public void Extends_must_be_text()
    {
        using var f = new TempFolder();
        // "extends: [a.yaml]": the list starts at column 10.
        TinyScenario.AssertSingleError(f.Write("child.yaml", "extends: [a.yaml]\nname: child\n"), 1, 10, "extends", "expected text, found a list");
    }

    [Fact]
    public void Extends_chains_are_limited_to_eight_files()
    {
        using var f = new TempFolder();
        f.Write("c7.yaml", TinyScenario.Text);
        for (int k = 0; k < 7; k++) f.Write($"c{k}.yaml", Child($"c{k + 1}.yaml", $"name: c{k}\n"));
        Assert.Equal("c0", ScenarioLoader.Load(Path.Combine(f.Path, "c0.yaml")).Name); // 8 files: allowed

        f.Write("d8.yaml", TinyScenario.Text);
        for (int k = 0; k < 8; k++) f.Write($"d{k}.yaml", Child($"d{k + 1}.yaml", $"name: d{k}\n"));
        var error = Assert.Single(TinyScenario.Fails(Path.Combine(f.Path, "d0.yaml")).Errors);
        TinyScenario.AssertError(error, Path.Combine(f.Path, "d8.yaml"), 0, 0, "", "'extends' chain is longer than 8 files");
    }

    [Fact]
    public void Start_after_end_in_the_extended_file_is_an_error()
    {
        using var f = new TempFolder();
        f.Write("dates.yaml", "start: 2027Q1\nend: 2024Q4\n");
        var lines = TinyScenario.Text.Split('\n');
        lines[2] = "extends: dates.yaml";
        lines[3] = "# dates come from dates.yaml";
        string child = string.Join('\n', lines.Take(23)) + "\n"; // no events
        string path = f.Write("child.yaml", child);
        // Before the fix, Load succeeded here and returned a WorldSpec with Ticks = -8.
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        TinyScenario.AssertError(error, Path.Combine(f.Path, "dates.yaml"), 2, 6, "end", "must not be before start (2027Q1)");
    }

    [Fact]
    public void Unknown_cluster_in_the_extended_files_relatedness_is_an_error()
    {
        using var f = new TempFolder();
        f.Write("related.yaml", "relatedness:\n  pairs:\n    - [alpha, delta, 0.6]\n");
        var lines = TinyScenario.Text.Split('\n').ToList();
        lines.RemoveRange(17, 4); // drop the relatedness block (lines 18..21)
        lines.Insert(0, "extends: related.yaml");
        string path = f.Write("child.yaml", string.Join('\n', lines));
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        TinyScenario.AssertError(error, Path.Combine(f.Path, "related.yaml"), 3, 7, "relatedness.pairs[0]", "unknown cluster 'delta'");
    }

    [Fact]
    public void Errors_of_every_file_are_reported_together_the_scenario_first()
    {
        // The child's own mistake (line 2) does not hide the base's (line 23), and the child comes first.
        using var f = new TempFolder();
        string parent = f.Write("base.yaml", TinyScenario.WithLine(23, "  basicShare: 1.5"));
        string path = f.Write("child.yaml", Child("base.yaml", "name: child\nsed: 7\n"));
        var e = TinyScenario.Fails(path);
        Assert.Equal(2, e.Errors.Count);
        TinyScenario.AssertError(e.Errors[0], path, 3, 1, "sed", "unknown key; did you mean 'seed'?");
        TinyScenario.AssertError(e.Errors[1], parent, 23, 15, "parameters.basicShare", "value 1.5 is outside");
    }
}
