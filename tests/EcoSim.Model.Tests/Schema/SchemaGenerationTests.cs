using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSim.Model.Parameters;
using Json.Schema;

namespace EcoSim.Model.Tests.Schema;

/// <summary>
/// Keeps scenarios/schema/scenario.schema.json in step with the code: its parameter parts are exactly
/// what <see cref="ParameterSchema"/> builds from <see cref="ParameterCatalog.All"/>, it is a valid
/// draft 2020-12 schema, and it is laid out as the update mode writes it.
/// </summary>
public sealed class SchemaGenerationTests
{
    /// <summary>Set this environment variable to 1 to rewrite the generated parts of the schema from the code.</summary>
    private const string UpdateVariable = "ECOSIM_UPDATE_SCHEMA";

    private static readonly string HowToRegenerate =
        "The \"$defs\" entries " + string.Join(", ", ParameterSchema.Definitions().Select(d => $"'{d.Name}'")) +
        " of scenarios/schema/scenario.schema.json are generated from EcoSim.Model.Parameters.ModelParameters (its [Parameter] attributes) " +
        $"by tests/EcoSim.Model.Tests/Schema/ParameterSchema.cs; do not edit them by hand. To regenerate them, run:{Environment.NewLine}" +
        $"    {UpdateVariable}=1 dotnet test tests/EcoSim.Model.Tests --filter FullyQualifiedName~Schema.SchemaGenerationTests{Environment.NewLine}" +
        "from the repository root (the test rewrites those entries and lays the file out again), then review the diff.";

    [Fact]
    public void Generated_parameter_parts_of_the_schema_match_the_parameter_catalogue()
    {
        string path = ScenarioSchema.FilePath;
        var document = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        var defs = document["$defs"] as JsonObject ?? throw new InvalidOperationException("the schema has no $defs");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            foreach (var (name, schema) in ParameterSchema.Definitions()) defs[name] = schema;
            File.WriteAllText(path, SchemaJson.Format(document));
            document = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
            defs = (JsonObject)document["$defs"]!;
        }

        foreach (var (name, schema) in ParameterSchema.Definitions())
        {
            string expected = SchemaJson.Format(schema);
            string actual = defs[name] is { } node ? SchemaJson.Format(node) : "(missing)";
            if (expected != actual)
                Assert.Fail($"scenarios/schema/scenario.schema.json is out of date: \"$defs\".{name} differs from the code.{Environment.NewLine}" +
                            $"{FirstDifference(expected, actual)}{Environment.NewLine}{HowToRegenerate}");
        }
    }

    [Fact]
    public void The_parameters_object_lists_every_parameter_with_unit_and_range()
    {
        var properties = (JsonObject)ScenarioSchema.Pointer("#/$defs/parameters")["properties"]!;
        Assert.Equal(ParameterCatalog.All.Select(p => p.Name), properties.Select(p => p.Key));
        foreach (var spec in ParameterCatalog.All)
        {
            var entry = (JsonObject)properties[spec.Name]!;
            Assert.Equal(spec.Min, entry["minimum"]!.GetValue<double>());
            Assert.Equal(spec.Max, entry["maximum"]!.GetValue<double>());
            Assert.Equal(spec.Default, entry["default"]!.GetValue<double>());
            Assert.Contains($"Unit: {(spec.Unit == "1" ? "1 (dimensionless)" : spec.Unit)}.", entry["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        // The top-level 'parameters' key uses exactly this object.
        Assert.Same(ScenarioSchema.Pointer("#/$defs/parameters"), ScenarioSchema.Resolve(ScenarioSchema.Document["properties"]!["parameters"]!));
    }

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", ScenarioSchema.Document["$schema"]!.GetValue<string>());
        var meta = MetaSchemas.Draft202012.Evaluate(JsonSerializer.SerializeToElement(ScenarioSchema.Document), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(meta.IsValid, "the schema does not validate against the draft 2020-12 meta-schema");
        Assert.NotNull(ScenarioSchema.Schema); // builds: every keyword is understood and every $ref resolves
        foreach (var reference in References(ScenarioSchema.Document)) Assert.NotNull(ScenarioSchema.Pointer(reference));
    }

    [Fact]
    public void The_schema_file_is_laid_out_as_the_update_mode_writes_it()
    {
        string text = File.ReadAllText(ScenarioSchema.FilePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        string canonical = SchemaJson.Format(JsonNode.Parse(text));
        Assert.True(text == canonical,
            $"scenarios/schema/scenario.schema.json is not laid out canonically.{Environment.NewLine}{FirstDifference(canonical, text)}{Environment.NewLine}{HowToRegenerate}");
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [p.Value!.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string want = i < e.Length ? e[i] : "(no line)", have = i < a.Length ? a[i] : "(no line)";
            if (want != have) return $"First difference at line {i + 1}:{Environment.NewLine}  expected: {want}{Environment.NewLine}  file has: {have}";
        }
        return "They differ only in line ends.";
    }
}
