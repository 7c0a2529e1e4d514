using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>Text that is not YAML: reported at the parser's position with a "not valid YAML" message.</summary>
public class YamlSyntaxTests
{
    private static void AssertYamlError(string text, int line, int column, string fragment)
    {
        using var f = new TempFolder();
        TinyScenario.AssertSingleError(f.Write("bad.yaml", text), line, column, "", "not valid YAML: " + fragment);
    }

    [Fact]
    public void Tab_indentation_is_not_YAML()
    {
        using var f = new TempFolder();
        string path = f.Write("tab.yaml", "name: tiny\npopulation:\n\tfirms: 3\n");
        var e = TinyScenario.Fails(path);
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("not valid YAML: tab used for indentation; YAML indents with spaces only", error.Message);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        // YamlDotNet's own mark for this error is 1:1, the start of the enclosing mapping.
        AssertYamlError("name: tiny\npopulation:\n\tfirms: 3\n", 3, 1, "tab");
    }

    [Fact]
    public void Tab_indentation_in_a_list_is_reported_at_the_tab()
    {
        // YamlDotNet's own mark for this error is the value before, 'a' at 3:5; the tab is at 4:1.
        AssertYamlError("name: tiny\nlist:\n  - a\n\t- b\n", 4, 1, "tab used for indentation");
    }

    [Fact]
    public void Tabs_between_items_of_a_flow_list_are_allowed()
    {
        using var f = new TempFolder();
        // Not indentation: the only error is the unknown key.
        TinyScenario.AssertSingleError(f.Write("flow.yaml", TinyScenario.Text + "list: [a,\n\tb]\n"), 27, 1, "list", "unknown key");
    }

    [Fact]
    public void Unclosed_bracket_at_the_end_of_the_file()
    {
        // The flow sequence opened on line 2 reaches the end of the file (line 3, column 1) without a ']'.
        AssertYamlError("name: tiny\nclusters: [alpha, beta\n", 3, 1, "While parsing a flow sequence, did not find expected ',' or ']'");
    }

    [Fact]
    public void Unclosed_bracket_before_another_key()
    {
        using var f = new TempFolder();
        string path = f.Write("bracket.yaml", "name: tiny\nclusters: [alpha, beta\nseed: 7\n");
        var e = TinyScenario.Fails(path);
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("not valid YAML", error.Message);
        // YamlDotNet throws InvalidOperationException here; the scanner stopped where 'seed' starts, and
        // the '[' still open is named.
        TinyScenario.AssertError(error, path, 3, 1, "", "not valid YAML: cannot read on from here; is the '[' at line 2, column 11 closed?");
    }

    [Fact]
    public void Unclosed_quote()
    {
        // Reported at the opening quote, line 1 column 7.
        AssertYamlError("name: \"tiny\nseed: 7\n", 1, 7, "While scanning a multi-line double-quoted scalar, found wrong indentation");
    }

    [Fact]
    public void Duplicate_key()
    {
        // The second 'name' key, line 2 column 1.
        AssertYamlError("name: tiny\nname: again\n", 2, 1, "Duplicate key name");
    }

    [Fact]
    public void Mapping_value_inside_a_plain_scalar()
    {
        // "seed: 7: 8": the second ':' is at column 8.
        AssertYamlError("name: tiny\nseed: 7: 8\n", 2, 8, "While scanning a plain scalar value, found invalid mapping");
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_not_YAML()
    {
        using var f = new TempFolder();
        var error = Assert.Single(TinyScenario.Fails(f.Write("alias.yaml", "name: tiny\nseed: *nowhere\n")).Errors);
        Assert.Contains("not valid YAML: The anchor 'nowhere' does not exist", error.Message);
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_reported_at_the_alias()
    {
        using var f = new TempFolder();
        var error = Assert.Single(TinyScenario.Fails(f.Write("alias.yaml", "name: tiny\nseed: *nowhere\n")).Errors);
        Assert.Equal((2, 7), (error.Line, error.Column));
    }

    [Fact]
    public void A_list_or_scalar_at_the_root_is_not_a_scenario()
    {
        using var f = new TempFolder();
        TinyScenario.AssertSingleError(f.Write("list.yaml", "- name: tiny\n- seed: 7\n"), 1, 1, "", "expected a mapping of keys to values, found a list");
        TinyScenario.AssertSingleError(f.Write("scalar.yaml", "just some text\n"), 1, 1, "", "expected a mapping of keys to values, found 'just some text'");
    }
}
