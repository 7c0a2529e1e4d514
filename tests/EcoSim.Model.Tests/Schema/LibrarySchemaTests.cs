using System.Text.Json.Nodes;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Schema;

/// <summary>Every scenario of the library, read as an editor reads it, validates against the schema.</summary>
public sealed class LibrarySchemaTests
{
    public static TheoryData<string> LibraryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestWorlds.RepoRoot, "scenarios"), "*.yaml").Select(Path.GetFileName).Order())
            data.Add(file!);
        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void A_library_scenario_validates_against_the_schema(string file)
    {
        var json = YamlJson.Convert(File.ReadAllText(TestWorlds.LibraryScenario(file)));
        var errors = ScenarioSchema.Errors(json);
        Assert.True(errors.Count == 0, $"scenarios/{file} does not validate against scenarios/schema/scenario.schema.json:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public void The_yaml_reading_types_plain_scalars_as_an_editor_does()
    {
        var json = YamlJson.Convert("a: 2024Q1\nb: 75000\nc: 0.20\nd: true\ne: '7'\nf: 2024\ng: -1e-3\nh: ~\ni: [x, 1]\n")!;
        Assert.Equal("2024Q1", json["a"]!.GetValue<string>());
        Assert.Equal(75000L, json["b"]!.GetValue<long>());
        Assert.Equal(0.2, json["c"]!.GetValue<double>());
        Assert.True(json["d"]!.GetValue<bool>());
        Assert.Equal("7", json["e"]!.GetValue<string>());
        Assert.Equal(2024L, json["f"]!.GetValue<long>());
        Assert.Equal(-0.001, json["g"]!.GetValue<double>());
        Assert.Null(json["h"]);
        Assert.Equal("[\"x\",1]", json["i"]!.ToJsonString());
    }

    [Fact]
    public void A_scenario_that_breaks_the_schema_is_reported_at_the_right_place()
    {
        var json = YamlJson.Convert(File.ReadAllText(TestWorlds.LibraryScenario("guangdong-baseline.yaml")))!.AsObject();
        json["clusters"]![2]!["revenu"] = 1500;
        json["parameters"]!["basicShare"] = 1.5;
        var errors = ScenarioSchema.Errors(json);
        Assert.Contains(errors, e => e.StartsWith("/clusters/2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/parameters/basicShare", StringComparison.Ordinal));
    }

    [Fact]
    public void The_back_cast_points_editors_at_the_schema()
    {
        string first = File.ReadLines(TestWorlds.LibraryScenario("guangdong-backcast-2016.yaml")).First();
        Assert.Equal("# yaml-language-server: $schema=./schema/scenario.schema.json", first);
    }
}
