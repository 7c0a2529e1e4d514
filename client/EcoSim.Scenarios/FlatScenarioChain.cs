using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>
/// A scenario's files (the scenario, then each file it extends) made fit to be saved side by side in one
/// folder and loaded from there: each gets a file name of its own (a second <c>base.yaml</c> from another
/// folder becomes <c>base-2.yaml</c>) and each <c>extends</c> names the next file by that name. Without this
/// a copy of a chain such as <c>calibrated/x.yaml</c> extending <c>../base.yaml</c> would not load from the
/// folder it was copied to: the relative path would point out of it, or two files would share one name.
/// Only the <c>extends</c> value of each text changes; every other byte (comments, layout) is kept.
/// </summary>
public static partial class FlatScenarioChain
{
    /// <summary>The chain of <paramref name="scenario"/>, each part named by its file name in the flat folder.</summary>
    /// <param name="scenario">The scenario as loaded.</param>
    /// <param name="reserved">File names the caller will write in the same folder, which no part may take.</param>
    public static IReadOnlyList<ScenarioSource> Of(Scenario scenario, params IEnumerable<string> reserved)
    {
        var names = new List<string>();
        var taken = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);
        foreach (var source in scenario.Sources)
        {
            string name = Path.GetFileName(source.Path);
            for (int n = 2; !taken.Add(name); n++)
                name = $"{Path.GetFileNameWithoutExtension(source.Path)}-{n}{Path.GetExtension(source.Path)}";
            names.Add(name);
        }
        return [.. scenario.Sources.Select((s, i) => new ScenarioSource(names[i], i + 1 < names.Count ? WithExtends(s.Text, names[i + 1]) : s.Text))];
    }

    /// <summary>Writes the chain of <paramref name="scenario"/> into <paramref name="folder"/>; returns it (the first part is the scenario).</summary>
    /// <param name="folder">The folder, created if need be.</param>
    /// <param name="scenario">The scenario as loaded.</param>
    /// <param name="reserved">As for <see cref="Of"/>.</param>
    public static IReadOnlyList<ScenarioSource> WriteTo(string folder, Scenario scenario, params IEnumerable<string> reserved)
    {
        var chain = Of(scenario, reserved);
        Directory.CreateDirectory(folder);
        foreach (var part in chain) File.WriteAllText(Path.Combine(folder, part.Path), part.Text, new System.Text.UTF8Encoding(false));
        return chain;
    }

    /// <summary>
    /// <paramref name="text"/> with its top-level <c>extends</c> value replaced by <paramref name="fileName"/>.
    /// The text was loaded as a scenario already, so it parses and has that key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text has no top-level <c>extends</c> scalar: a fault of the caller.</exception>
    internal static string WithExtends(string text, string fileName)
    {
        var value = ExtendsValue(text) ?? throw new InvalidOperationException("the scenario text has no top-level 'extends' to re-point");
        int start = checked((int)value.Start.Index), end = checked((int)value.End.Index);
        string rewritten = string.Concat(text.AsSpan(0, start), Quoted(fileName), text.AsSpan(end));
        if (ExtendsValue(rewritten)?.Value != fileName)
            throw new InvalidOperationException($"re-pointing 'extends' to '{fileName}' did not give a text that extends it");
        return rewritten;
    }

    private static YamlScalarNode? ExtendsValue(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
               && root.Children.TryGetValue(new YamlScalarNode("extends"), out var node) ? node as YamlScalarNode : null;
    }

    // A file name as a YAML scalar: plain when it is only letters, digits, dots, dashes and underscores, else single-quoted.
    private static string Quoted(string fileName) =>
        PlainName().IsMatch(fileName) ? fileName : $"'{fileName.Replace("'", "''", StringComparison.Ordinal)}'";

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]*$")]
    private static partial Regex PlainName();
}
