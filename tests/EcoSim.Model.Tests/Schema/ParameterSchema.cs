using System.Globalization;
using System.Text.Json.Nodes;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Schema;

/// <summary>
/// Builds the parts of the scenario schema that follow from the code, from
/// <see cref="ParameterCatalog.All"/>: the "parameters" object (every parameter with its description,
/// unit, allowed range, default and source), the parameters an event may set, the names a ramp may
/// move, and each ramp target's range. They live under "$defs" in scenarios/schema/scenario.schema.json
/// and must equal what this class builds (<see cref="SchemaGenerationTests"/>).
/// </summary>
internal static class ParameterSchema
{
    /// <summary>The generated "$defs" entries, by name, in the order they appear in the file.</summary>
    public static IReadOnlyList<(string Name, JsonObject Schema)> Definitions() =>
    [
        ("parameters", Parameters()),
        ("eventParameters", EventParameters()),
        ("rampParameter", RampParameter()),
        ("rampTargets", RampTargets()),
    ];

    private static IEnumerable<ParameterSpec> Changeable => ParameterCatalog.All.Where(p => !p.FixedAtStart);

    private static JsonObject Parameters()
    {
        var properties = new JsonObject();
        foreach (var spec in ParameterCatalog.All)
            properties[spec.Name] = new JsonObject
            {
                ["description"] = Description(spec),
                ["type"] = "number",
                ["minimum"] = Number(spec.Min),
                ["maximum"] = Number(spec.Max),
                ["default"] = Number(spec.Default),
            };
        return new JsonObject
        {
            ["description"] = "Generated from EcoSim.Model.Parameters.ModelParameters by tests/EcoSim.Model.Tests/Schema (do not edit by hand). " +
                              "Model parameters by name; each value must lie within the parameter's allowed range.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject EventParameters()
    {
        var properties = new JsonObject();
        foreach (var spec in Changeable) properties[spec.Name] = new JsonObject { ["$ref"] = $"#/$defs/parameters/properties/{spec.Name}" };
        return new JsonObject
        {
            ["description"] = "Generated (do not edit by hand). Parameters an event may set: every parameter except those fixed at the start of a run (" +
                              string.Join(", ", ParameterCatalog.All.Where(p => p.FixedAtStart).Select(p => p.Name)) + "), which only 'parameters:' may set.",
            ["type"] = "object",
            ["minProperties"] = 1,
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject RampParameter() => new()
    {
        ["description"] = "Generated (do not edit by hand). A parameter a ramp may move: any except those fixed at the start of a run.",
        ["enum"] = new JsonArray([.. Changeable.Select(p => (JsonNode)p.Name)]),
    };

    private static JsonObject RampTargets() => new()
    {
        ["description"] = "Generated (do not edit by hand). A ramp's 'to' must lie within the allowed range of its parameter.",
        ["allOf"] = new JsonArray([.. Changeable.Select(spec => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { ["parameter"] = new JsonObject { ["const"] = spec.Name } }, ["required"] = new JsonArray("parameter") },
            ["then"] = new JsonObject { ["properties"] = new JsonObject { ["to"] = new JsonObject { ["$ref"] = $"#/$defs/parameters/properties/{spec.Name}" } } },
        })]),
    };

    /// <summary>What an editor shows for a parameter: meaning, unit, range, default, source, and whether events may change it.</summary>
    public static string Description(ParameterSpec spec)
    {
        string meaning = spec.Description.Length == 0 ? spec.Name : char.ToUpperInvariant(spec.Description[0]) + spec.Description[1..].TrimEnd('.');
        string unit = spec.Unit == "1" ? "1 (dimensionless)" : spec.Unit;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{meaning}. Unit: {unit}. Allowed range {Invariant(spec.Min)} to {Invariant(spec.Max)}; default {Invariant(spec.Default)}. Source: {spec.Source.TrimEnd('.')}.");
        return spec.FixedAtStart ? text + " Fixed at start: set it under 'parameters:'; events may not change it." : text;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A whole number as an integer (so that 100 is written 100, not 100.0), anything else as a double.</summary>
    private static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
