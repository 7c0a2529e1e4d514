using System.Text;
using EcoSim.Model.Parameters;
using EcoSim.Model.Time;
using EcoSim.Model.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>
/// Loads a scenario file and whatever it extends, checks it whole, and either returns a runnable
/// <see cref="Scenario"/> or throws a <see cref="ScenarioException"/> listing every problem with its
/// file, line, column and key. Loading is safe: a size limit, no anchors or aliases (no alias bombs),
/// a depth limit, and no file read outside the scenario's folder.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Largest scenario file read, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;
    /// <summary>Deepest nesting of YAML collections accepted.</summary>
    public const int MaxDepth = 16;
    /// <summary>Longest chain of <c>extends</c>.</summary>
    public const int MaxExtendsChain = 8;
    /// <summary>Longest horizon, in years.</summary>
    public const int MaxYears = 200;

    /// <summary>Loads and checks the scenario at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid.</exception>
    public static Scenario Load(string path)
    {
        string root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var sources = new List<ScenarioSource>();
        var part = LoadChain(path, path, root, sources, []);
        return Build(path, part, sources);
    }

    /// <summary>Checks a scenario; returns the errors (none when it is valid).</summary>
    public static IReadOnlyList<ScenarioError> Validate(string path)
    {
        try { Load(path); return []; }
        catch (ScenarioException e) { return e.Errors; }
    }

    private static ScenarioPart LoadChain(string shownPath, string path, string root, List<ScenarioSource> sources, List<string> chain)
    {
        string full = System.IO.Path.GetFullPath(path);
        var sink = new ErrorSink(shownPath);
        if (chain.Contains(full, StringComparer.Ordinal))
            throw Fail(sink, $"'extends' makes a cycle: {string.Join(" -> ", chain.Select(System.IO.Path.GetFileName))} -> {System.IO.Path.GetFileName(full)}");
        if (chain.Count >= MaxExtendsChain) throw Fail(sink, $"'extends' chain is longer than {MaxExtendsChain} files");
        string text = ReadText(sink, full);
        sources.Add(new ScenarioSource(full, text));
        var node = ParseYaml(sink, text);
        var part = ScenarioParser.Parse(sink, node);
        if (sink.Any) throw new ScenarioException(sink.Errors);
        if (part.Extends is null) return part;

        string parentPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, part.Extends));
        if (!parentPath.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw Fail(sink, $"extends: '{part.Extends}' is outside the scenario's folder; only files in or below {root} may be extended");
        var parent = LoadChain(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(shownPath) ?? "", part.Extends), parentPath, root, sources, [.. chain, full]);
        return part.Over(parent);
    }

    private static string ReadText(ErrorSink sink, string full)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (Directory.Exists(full)) throw Fail(sink, "is a folder, not a scenario file");
            if (!info.Exists) throw Fail(sink, "file not found");
            if (info.Length > MaxFileBytes) throw Fail(sink, $"file is {info.Length} bytes; scenario files are limited to {MaxFileBytes} bytes");
            bytes = File.ReadAllBytes(full);
        }
        catch (ScenarioException) { throw; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Fail(sink, $"cannot read the file: {e.Message}"); }
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) throw Fail(sink, "file is empty");
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw Fail(sink, "is not a text file (it contains NUL bytes)");
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { throw Fail(sink, "is not valid UTF-8 text"); }
    }

    private static YamlNode ParseYaml(ErrorSink sink, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            string message = e.InnerException is { } inner && e.Message.Contains("See inner exception", StringComparison.Ordinal) ? inner.Message : e.Message;
            sink.Errors.Add(new ScenarioError(sink.File, (int)e.Start.Line, (int)e.Start.Column, "", $"not valid YAML: {StripPosition(message)}"));
            throw new ScenarioException(sink.Errors);
        }
        if (stream.Documents.Count != 1) throw Fail(sink, stream.Documents.Count == 0 ? "file is empty" : "holds several YAML documents; a scenario is one document");
        var root = stream.Documents[0].RootNode;
        CheckShape(sink, root, 0);
        if (sink.Any) throw new ScenarioException(sink.Errors);
        return root;
    }

    private static void CheckShape(ErrorSink sink, YamlNode node, int depth)
    {
        if (!node.Anchor.IsEmpty)
        {
            sink.At(node, "", "YAML anchors and aliases are not supported in scenario files; write values out, or use 'extends'");
            return;
        }
        if (depth > MaxDepth) { sink.At(node, "", $"nesting is deeper than {MaxDepth} levels"); return; }
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children) { CheckShape(sink, k, depth + 1); CheckShape(sink, v, depth + 1); if (sink.Any) return; }
                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children) { CheckShape(sink, child, depth + 1); if (sink.Any) return; }
                break;
        }
    }

    private static string StripPosition(string message)
    {
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    private static ScenarioException Fail(ErrorSink sink, string message)
    {
        sink.File_(message);
        return new ScenarioException(sink.Errors);
    }

    private static Scenario Build(string path, ScenarioPart part, List<ScenarioSource> sources)
    {
        var sink = part.Sink!;
        var root = part.Root!;
        void Missing(string key, string what) => sink.At(root, key, $"is required ({what}); give it here or in the file this one extends");
        if (part.Name is null) Missing("name", "a short name");
        if (part.Start is null) Missing("start", "first quarter, e.g. 2024Q1");
        if (part.End is null) Missing("end", "last quarter, e.g. 2050Q4");
        if (part.Seed is null) Missing("seed", "a whole number");
        if (part.Firms is null) Missing("population.firms", "number of firms");
        if (part.Labs is null) Missing("population.labs", "lab groups");
        if (part.Funds is null) Missing("population.funds", "fund groups");
        if (part.Clusters is null || part.Clusters.Count == 0) Missing("clusters", "at least one cluster");

        int ticks = 0;
        if (part.Start is { } start && part.End is { } end)
        {
            ticks = end.Value.QuartersSince(start.Value) + 1;
            if (ticks < 1) end.Error($"must not be before start ({start.Value})");
            else if (ticks > MaxYears * 4) end.Error($"horizon of {ticks / 4} years is longer than the {MaxYears} allowed");
        }

        var clusters = part.Clusters ?? [];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in clusters)
            if (!ids.TryAdd(c.Value.Id, ids.Count)) c.Error($"cluster id '{c.Value.Id}' is used twice");
        var relatedness = BuildRelatedness(part.Relatedness, ids);

        var parameters = new ModelParameters();
        foreach (var (name, value) in part.Parameters)
            parameters = ParameterCatalog.With(parameters, name, value.Value);

        var timeline = new List<ParameterChange>();
        foreach (var e in part.Events)
        {
            if (part.Start is null || part.End is null) break;
            int at = e.Value.At.QuartersSince(part.Start.Value);
            int until = e.Value.RampEnd is { } rampEnd ? rampEnd.QuartersSince(part.Start.Value) : at;
            if (at < 0 || at >= ticks) { e.Error($"event date {e.Value.At} is outside the horizon {part.Start.Value}..{part.End.Value}"); continue; }
            if (until >= ticks) { e.Error($"ramp end {e.Value.RampEnd} is outside the horizon {part.Start.Value}..{part.End.Value}"); continue; }
            double from = e.Value.RampEnd is null ? e.Value.To : ValueBefore(parameters, timeline, e.Value.Parameter, at);
            timeline.Add(new ParameterChange(e.Value.Parameter, at, until, from, e.Value.To));
        }

        if (sink.Any || clusters.Any(c => c.Sink.Any) || part.Events.Any(e => e.Sink.Any) || part.Parameters.Values.Any(p => p.Sink.Any))
            throw new ScenarioException([.. sink.Errors, .. clusters.Select(c => c.Sink).Concat(part.Events.Select(e => e.Sink)).Concat(part.Parameters.Values.Select(p => p.Sink))
                .Distinct().Where(s => s != sink).SelectMany(s => s.Errors)]);

        var world = new WorldSpec
        {
            Start = part.Start!.Value,
            Ticks = ticks,
            Seed = part.Seed!.Value,
            Clusters = [.. clusters.Select(c => c.Value)],
            Relatedness = relatedness,
            Firms = part.Firms!.Value,
            Labs = part.Labs!,
            Funds = part.Funds!,
            Parameters = parameters,
            Timeline = timeline,
        };
        return new Scenario(part.Name!, part.Description ?? "", path, sources, world);
    }

    private static double ValueBefore(ModelParameters parameters, List<ParameterChange> timeline, string name, int tick)
    {
        double value = ParameterCatalog.Get(parameters, name);
        foreach (var change in timeline)
            if (change.Parameter.Equals(name, StringComparison.OrdinalIgnoreCase) && change.ValueAt(tick) is double v) value = v;
        return value;
    }

    private static double[] BuildRelatedness(RelatednessPart? part, Dictionary<string, int> ids)
    {
        int n = ids.Count;
        var matrix = new double[n * n];
        double fallback = part?.Default ?? 0.1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                matrix[i * n + j] = i == j ? 1 : fallback;
        foreach (var pair in part?.Pairs ?? [])
        {
            var (a, b, value) = pair.Value;
            bool okA = ids.TryGetValue(a, out int i), okB = ids.TryGetValue(b, out int j);
            if (!okA || !okB) { pair.Error($"unknown cluster '{(okA ? b : a)}'; known: {string.Join(", ", ids.Keys)}"); continue; }
            if (i == j) { pair.Error("a cluster's relatedness to itself is always 1"); continue; }
            matrix[i * n + j] = value;
            matrix[j * n + i] = value;
        }
        return matrix;
    }
}
