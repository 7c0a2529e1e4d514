using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>
/// Reads typed values out of a YAML mapping, recording an error (with line, column and key path) for
/// each missing, mistyped, out-of-range or unknown key instead of throwing, so that a whole file is
/// checked in one pass.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlMap(ErrorSink errors, string path, YamlMappingNode node) { Errors = errors; Path = path; _node = node; }

    public ErrorSink Errors { get; }
    public string Path { get; }
    public YamlNode Node => _node;

    /// <summary>Wraps <paramref name="node"/> as a mapping, or records an error and returns null.</summary>
    public static YamlMap? Of(ErrorSink errors, string path, YamlNode? node)
    {
        if (node is YamlMappingNode map) return new YamlMap(errors, path, map);
        errors.At(node, path, $"expected a mapping of keys to values, found {Describe(node)}");
        return null;
    }

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
            if (k is YamlScalarNode s && s.Value == key) { _read.Add(key); return v; }
        return null;
    }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public string? String(string key, bool required)
    {
        var node = Find(key);
        if (node is null) { if (required) Errors.At(_node, Child(key), "is required"); return null; }
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value;
        Errors.At(node, Child(key), $"expected text, found {Describe(node)}");
        return null;
    }

    public double? Number(string key, bool required, double min, double max, string unit = "")
    {
        var node = Find(key);
        if (node is null) { if (required) Errors.At(_node, Child(key), "is required"); return null; }
        return ReadNumber(Errors, node, Child(key), min, max, unit);
    }

    public static double? ReadNumber(ErrorSink errors, YamlNode node, string path, double min, double max, string unit)
    {
        if (node is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            errors.At(node, path, $"expected a number, found {Describe(node)}");
            return null;
        }
        if (IsQuoted(node)) { errors.At(node, path, QuotedNumber("a number", text)); return null; }
        if (!double.IsFinite(value) || value < min || value > max)
        {
            string range = string.Create(CultureInfo.InvariantCulture, $"[{min}, {max}]");
            errors.At(node, path, $"value {text} is outside the allowed range {range}{(unit.Length > 0 ? " " + unit : "")}");
            return null;
        }
        return value;
    }

    public bool? Boolean(string key)
    {
        var node = Find(key);
        if (node is null) return null;
        // YAML 1.2's core schema: true, True, TRUE, false, False, FALSE.
        if (node is YamlScalarNode { Value: "true" or "True" or "TRUE" or "false" or "False" or "FALSE" } scalar && !IsQuoted(scalar)) return scalar.Value[0] is 't' or 'T';
        Errors.At(node, Child(key), $"expected true or false, found {Describe(node)}");
        return null;
    }

    public long? Integer(string key, bool required, long min, long max)
    {
        var node = Find(key);
        if (node is null) { if (required) Errors.At(_node, Child(key), "is required"); return null; }
        if (node is not YamlScalarNode { Value: { } text } || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            Errors.At(node, Child(key), $"expected a whole number, found {Describe(node)}");
            return null;
        }
        if (IsQuoted(node)) { Errors.At(node, Child(key), QuotedNumber("a whole number", text)); return null; }
        if (value < min || value > max) { Errors.At(node, Child(key), $"value {text} is outside the allowed range [{min}, {max}]"); return null; }
        return value;
    }

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = Find(key);
        if (node is null) { if (required) Errors.At(_node, Child(key), "is required"); return null; }
        if (node is YamlSequenceNode seq) return seq;
        Errors.At(node, Child(key), $"expected a list, found {Describe(node)}");
        return null;
    }

    /// <summary>Records an error for every key that was never read, with a did-you-mean hint.</summary>
    public void RejectUnknownKeys(IEnumerable<string> allowed)
    {
        var known = allowed.ToArray();
        foreach (var (k, _) in _node.Children)
        {
            string name = (k as YamlScalarNode)?.Value ?? "";
            if (_read.Contains(name) || known.Contains(name)) continue;
            string? close = Closest(name, known);
            string hint = close is not null ? $"; did you mean '{close}'?" : $"; allowed keys: {string.Join(", ", known)}";
            Errors.At(k, Child(name), $"unknown key{hint}");
        }
    }

    /// <summary>The allowed key nearest to <paramref name="name"/> within the hint distance; ties go to the earlier key.</summary>
    private static string? Closest(string name, string[] known) => DidYouMean.Closest(name, known);

    /// <summary>
    /// Whether a scalar was written in quotes: YAML makes <c>"2000"</c> text, not a number, so a quoted
    /// value where a number is expected is refused rather than guessed at.
    /// </summary>
    private static bool IsQuoted(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };

    private static string QuotedNumber(string expected, string text) => $"expected {expected}, found the quoted text '{Truncate(text)}'; write it without quotes";

    public static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlScalarNode { Value: null or "" } => "an empty value",
        YamlScalarNode s when IsQuoted(s) => $"the quoted text '{Truncate(s.Value!)}'",
        YamlScalarNode s => $"'{Truncate(s.Value!)}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unsupported value",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
