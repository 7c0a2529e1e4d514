namespace EcoSim.Scenarios;

/// <summary>
/// Loads a scenario file and whatever it extends, checks it whole, and either returns a runnable
/// <see cref="Scenario"/> or throws a <see cref="ScenarioException"/> listing every problem of every
/// file with its file, line, column and key, in file order. Loading is safe: a size limit, no anchors
/// or aliases (no alias bombs), a depth limit checked before any tree is built, and no file read
/// outside the scenario's folder.
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
    /// <param name="path">The scenario file.</param>
    /// <param name="limits">How large a run it may describe; <see cref="ScenarioLimits.Default"/> when null.</param>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid, or so is a file it extends.</exception>
    public static Scenario Load(string path, ScenarioLimits? limits = null)
    {
        string root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var sources = new List<ScenarioSource>();
        var errors = new ScenarioErrors();
        var part = LoadChain(path, System.IO.Path.GetFullPath(path), root, sources, errors, []);
        errors.ThrowIfAny();
        var world = ScenarioBuilder.Build(part!, errors, limits ?? ScenarioLimits.Default);
        return new Scenario(part!.Name!, part.Description ?? "", path, sources, world);
    }

    /// <summary>Checks a scenario; returns the errors (none when it is valid).</summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="limits">How large a run it may describe; <see cref="ScenarioLimits.Default"/> when null.</param>
    public static IReadOnlyList<ScenarioError> Validate(string path, ScenarioLimits? limits = null)
    {
        try { Load(path, limits); return []; }
        catch (ScenarioException e) { return e.Errors; }
    }

    /// <summary>
    /// Reads the file at <paramref name="full"/> (shown as <paramref name="shownPath"/>) and what it
    /// extends, merged; null when it could not be read. Errors go to the file's own sink; a file with
    /// errors still has its parent read, so that every file's errors are reported at once.
    /// </summary>
    private static ScenarioPart? LoadChain(string shownPath, string full, string root, List<ScenarioSource> sources, ScenarioErrors errors, List<string> chain)
    {
        var sink = errors.For(shownPath);
        if (chain.Count >= MaxExtendsChain) { sink.File_($"'extends' chain is longer than {MaxExtendsChain} files"); return null; }
        string? text = ScenarioFileReader.Read(sink, full);
        if (text is null) return null;
        sources.Add(new ScenarioSource(full, text));
        var node = YamlDocumentReader.Read(sink, text);
        if (node is null) return null;
        var part = ScenarioParser.Parse(sink, node);
        if (part.Extends is not { } extends) return part;

        string parentPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, extends.Value));
        string parentShown = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(shownPath) ?? "", extends.Value);
        List<string> nextChain = [.. chain, full];
        if (!parentPath.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            extends.Error($"'{extends.Value}' is outside the scenario's folder; only files in or below {root} may be extended");
        else if (nextChain.Contains(parentPath, StringComparer.Ordinal))
            extends.Error($"'extends' makes a cycle: {string.Join(" -> ", nextChain.Append(parentPath).Select(System.IO.Path.GetFileName))}");
        else if (!File.Exists(parentPath) && !Directory.Exists(parentPath))
            extends.Error($"file not found: {parentShown}");
        else if (LoadChain(parentShown, parentPath, root, sources, errors, nextChain) is { } parent)
            return part.Over(parent);
        return part;
    }
}
