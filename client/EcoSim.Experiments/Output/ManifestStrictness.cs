using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcoSim.Experiments.Output;

/// <summary>
/// What a manifest must not be: a key given twice (the JSON reader would keep
/// the last one silently), a value of the wrong kind, or a missing required key. Each problem names the
/// key and says in words what was expected, not the .NET type the serializer wanted.
/// </summary>
internal static partial class ManifestStrictness
{
    /// <summary>Throws for the first key that appears twice in one object, anywhere in the document.</summary>
    /// <exception cref="ManifestProblem">A key appears twice.</exception>
    public static void RefuseDuplicateKeys(JsonElement element, string path = "")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                string key = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!seen.Add(property.Name)) throw new ManifestProblem(key, "appears twice; a manifest gives each key once");
                RefuseDuplicateKeys(property.Value, key);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in element.EnumerateArray()) RefuseDuplicateKeys(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"));
        }
    }

    /// <summary>
    /// The problem that failures to deserialise <paramref name="root"/> stand for, in words: the first error,
    /// or, when every one of them is of keys missing from the top of the manifest (its payload's and its common
    /// keys are read apart), all those keys together.
    /// </summary>
    public static ManifestProblem Describe(JsonElement root, params IReadOnlyList<JsonException> errors)
    {
        var missing = errors.Select(e => MissingRequired().Match(e.Message)).ToList();
        if (errors.Count > 1 && missing.All(m => m.Success) && errors.All(e => KeyOf(e) is null))
            return Missing(null, [.. missing.SelectMany(Names)]);
        return Describe(errors[0], root);
    }

    private static ManifestProblem Describe(JsonException error, JsonElement root)
    {
        string? key = KeyOf(error);
        if (MissingRequired().Match(error.Message) is { Success: true } missing)
            return Missing(key, Names(missing));
        if (ConversionTarget().Match(error.Message) is { Success: true } conversion)
        {
            string found = Find(root, key) is { } value ? $", found {Kind(value)}" : "";
            return new ManifestProblem(key, $"expected {Expected(conversion.Groups[1].Value)}{found}");
        }
        return new ManifestProblem(key, error.Message.Split(" Path:", 2)[0]);
    }

    private static string? KeyOf(JsonException error) =>
        error.Path is { Length: > 1 } p && p.TrimStart('$').TrimStart('.') is { Length: > 0 } key ? key : null;

    private static string[] Names(Match missing) => [.. missing.Groups[1].Value.Split(',').Select(n => n.Trim().Trim('\''))];

    private static ManifestProblem Missing(string? key, string[] names)
    {
        string Full(string name) => key is null ? name : $"{key}.{name}";
        return new ManifestProblem(Full(names[0]), names.Length == 1 ? "is missing" : $"is missing; so {(names.Length == 2 ? "is" : "are")} {string.Join(", ", names.Skip(1).Select(Full))}");
    }

    /// <summary>What the serializer wanted, in words: a .NET type name becomes the kind of JSON value it reads.</summary>
    private static string Expected(string type)
    {
        string inner = type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? type["System.Nullable`1[".Length..^1] : type;
        return inner switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.UInt64" => $"a whole number between 0 and {ulong.MaxValue}",
            "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.String" => "text (a JSON string)",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time as text, e.g. \"2026-01-31T12:00:00Z\"",
            _ when inner.Contains("List`1", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal) => "a list",
            _ => "an object",
        };
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Truncate(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };

    /// <summary>The value at a key path such as <c>files[0].sha256</c>, or null when the path cannot be followed.</summary>
    private static JsonElement? Find(JsonElement root, string? key)
    {
        if (key is null) return null;
        var current = root;
        foreach (Match step in PathStep().Matches(key))
        {
            if (step.Groups["name"].Success)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step.Groups["name"].Value, out current)) return null;
            }
            else
            {
                int index = int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength()) return null;
                current = current[index];
            }
        }
        return current;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    [GeneratedRegex(@"missing required properties including: ('[^']+'(?:, '[^']+')*)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"could not be converted to ([^ ]+?)\.( Path|$)")]
    private static partial Regex ConversionTarget();

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
