using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSim.Model.Tests.Support;
using Json.Schema;

namespace EcoSim.Model.Tests.Schema;

/// <summary>scenarios/schema/scenario.schema.json: its text, its JSON tree, and the schema built from it.</summary>
internal static class ScenarioSchema
{
    /// <summary>Full path of the schema file.</summary>
    public static string FilePath => Path.Combine(TestWorlds.RepoRoot, "scenarios", "schema", "scenario.schema.json");

    private static readonly Lazy<JsonObject> Tree = new(() => Materialized((JsonObject)JsonNode.Parse(File.ReadAllText(FilePath))!));
    private static readonly Lazy<JsonSchema> Built = new(() => JsonSchema.FromText(File.ReadAllText(FilePath)));

    /// <summary>The schema file as a JSON tree (shared: do not change it).</summary>
    public static JsonObject Document => Tree.Value;

    /// <summary>The schema, built once by JsonSchema.Net.</summary>
    public static JsonSchema Schema => Built.Value;

    /// <summary>Every error the schema finds in <paramref name="instance"/>, one line each ("/path: message"); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode? instance)
    {
        var element = JsonSerializer.SerializeToElement(instance);
        var result = Schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value} (schema {d.EvaluationPath})"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail given)"];
    }

    /// <summary>
    /// The tree with every collection built: a parsed JsonObject or JsonArray builds its children on
    /// first access, which is not safe from several threads, and test classes read the shared tree in parallel.
    /// </summary>
    private static T Materialized<T>(T node) where T : JsonNode
    {
        if (node is JsonObject o) foreach (var (_, child) in o) if (child is not null) Materialized(child);
        if (node is JsonArray a) foreach (var child in a) if (child is not null) Materialized(child);
        return node;
    }

    /// <summary>The schema node <paramref name="node"/> stands for, following local "$ref"s ("#/$defs/...").</summary>
    public static JsonObject Resolve(JsonNode node)
    {
        var obj = (JsonObject)node;
        while (obj["$ref"] is JsonValue reference) obj = Pointer(reference.GetValue<string>());
        return obj;
    }

    /// <summary>The value of <paramref name="key"/> in the node or, if it has none, in what its "$ref"s point to.</summary>
    public static JsonNode? Annotation(JsonNode node, string key)
    {
        var obj = (JsonObject)node;
        while (true)
        {
            if (obj[key] is { } value) return value;
            if (obj["$ref"] is not JsonValue reference) return null;
            obj = Pointer(reference.GetValue<string>());
        }
    }

    /// <summary>The node a local JSON pointer ("#/a/b") names in the schema document.</summary>
    public static JsonObject Pointer(string pointer)
    {
        Assert.StartsWith("#/", pointer, StringComparison.Ordinal);
        JsonNode current = Document;
        foreach (var segment in pointer[2..].Split('/'))
            current = current[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                      ?? throw new InvalidOperationException($"dangling $ref {pointer}");
        return (JsonObject)current;
    }
}
