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
        Assert.Contains("not valid YAML: While scanning a mapping, found invalid tab as indentation", error.Message);
    }

    [Fact(Skip = "bug: tab indentation is reported at 1:1 (YamlDotNet's mark for the enclosing mapping) instead of the tab at 3:1")]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        AssertYamlError("name: tiny\npopulation:\n\tfirms: 3\n", 3, 1, "tab");
    }

    [Fact]
    public void Unclosed_bracket_at_the_end_of_the_file()
    {
        // The flow sequence opened on line 2 reaches the end of the file (line 3, column 1) without a ']'.
        AssertYamlError("name: tiny\nclusters: [alpha, beta\n", 3, 1, "While parsing a flow sequence, did not find expected ',' or ']'");
    }

    [Fact(Skip = "bug: an unclosed '[' followed by a 'key: value' line makes YamlDotNet throw InvalidOperationException, which ScenarioLoader.ParseYaml does not catch")]
    public void Unclosed_bracket_before_another_key()
    {
        using var f = new TempFolder();
        string path = f.Write("bracket.yaml", "name: tiny\nclusters: [alpha, beta\nseed: 7\n");
        var e = TinyScenario.Fails(path);
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("not valid YAML", error.Message);
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

    [Fact(Skip = "bug: an alias to an undefined anchor is reported at 1:1 (YamlDotNet's mark) instead of at the alias, 2:7")]
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
