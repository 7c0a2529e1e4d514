namespace EcoSim.Scenarios;

/// <summary>
/// Loads a scenario file and whatever it extends, checks it whole, and either returns a runnable
/// <see cref="Scenario"/> or throws a <see cref="ScenarioException"/> listing every problem of every
/// file with its file, line, column and key, in file order. Loading is safe: a size limit, no anchors
/// or aliases (no alias bombs), a depth limit checked before any tree is built, and no file read through
/// <c>extends</c> outside the scenario's folder (or the extra root the caller names), judged on real paths
/// with every link followed, so a link inside the folder cannot lead out of it.
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
    /// <param name="extraRoot">A folder whose files <c>extends</c> may also name (relatively or by an absolute path), besides
    /// those in or below the scenario's own folder; null for none.</param>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid, or so is a file it extends.</exception>
    public static Scenario Load(string path, ScenarioLimits? limits = null, string? extraRoot = null)
    {
        var sources = new List<ScenarioSource>();
        var errors = new ScenarioErrors();
        var roots = new List<string> { RealPath.Of(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".") };
        if (extraRoot is not null)
        {
            if (!Directory.Exists(extraRoot)) errors.For(extraRoot).File_("is not a folder (named as the scenario root, a folder that 'extends' may reach)");
            else roots.Add(RealPath.Of(extraRoot));
        }
        var part = LoadChain(path, System.IO.Path.GetFullPath(path), roots, sources, errors, []);
        errors.ThrowIfAny();
        var world = ScenarioBuilder.Build(part!, errors, limits ?? ScenarioLimits.Default);
        return new Scenario(part!.Name!, part.Description ?? "", path, sources, world);
    }

    /// <summary>
    /// Loads and checks a scenario held in memory rather than in files: <paramref name="chain"/> is the
    /// scenario's text and then the text of each file it extends, in order (as a manifest records them),
    /// each named by its file name. Each part's <c>extends</c> must name the next part's file, and the
    /// last part extends nothing; no file is read.
    /// </summary>
    /// <param name="path">The scenario's path as it was given, for the scenario to carry.</param>
    /// <param name="chain">The parts, the scenario first; <see cref="ScenarioSource.Path"/> is each part's file name.</param>
    /// <param name="limits">How large a run it may describe; <see cref="ScenarioLimits.Default"/> when null.</param>
    /// <exception cref="ScenarioException">A part is malformed or invalid, or the parts do not extend one another in order.</exception>
    public static Scenario LoadTexts(string path, IReadOnlyList<ScenarioSource> chain, ScenarioLimits? limits = null)
    {
        var errors = new ScenarioErrors();
        var parts = new List<ScenarioPart?>();
        for (int i = 0; i < chain.Count; i++)
        {
            var sink = errors.For(chain[i].Path);
            if (i >= MaxExtendsChain) { sink.File_($"'extends' chain is longer than {MaxExtendsChain} files"); break; }
            var node = YamlDocumentReader.Read(sink, chain[i].Text);
            var part = node is null ? null : ScenarioParser.Parse(sink, node);
            parts.Add(part);
            if (part is null) continue;
            bool last = i == chain.Count - 1;
            if (part.Extends is { } extends && (last || System.IO.Path.GetFileName(extends.Value) != chain[i + 1].Path))
                extends.Error(last ? $"'{extends.Value}' is not among the recorded files" : $"'{extends.Value}' does not name the next recorded file, '{chain[i + 1].Path}'");
            else if (part.Extends is null && !last)
                sink.File_($"extends nothing, but the recorded text goes on with '{chain[i + 1].Path}'");
        }
        errors.ThrowIfAny();
        var merged = parts[^1]!;
        for (int i = parts.Count - 2; i >= 0; i--) merged = parts[i]!.Over(merged);
        var world = ScenarioBuilder.Build(merged, errors, limits ?? ScenarioLimits.Default);
        return new Scenario(merged.Name!, merged.Description ?? "", path, chain, world);
    }

    /// <summary>Checks a scenario; returns the errors (none when it is valid).</summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="limits">How large a run it may describe; <see cref="ScenarioLimits.Default"/> when null.</param>
    /// <param name="extraRoot">As for <see cref="Load"/>.</param>
    public static IReadOnlyList<ScenarioError> Validate(string path, ScenarioLimits? limits = null, string? extraRoot = null)
    {
        try { Load(path, limits, extraRoot); return []; }
        catch (ScenarioException e) { return e.Errors; }
    }

    /// <summary>
    /// Reads the file at <paramref name="full"/> (shown as <paramref name="shownPath"/>) and what it
    /// extends (if its real path lies under one of the real paths <paramref name="roots"/>), merged; null when it could not be read. Errors go to the file's own sink; a file with
    /// errors still has its parent read, so that every file's errors are reported at once.
    /// </summary>
    private static ScenarioPart? LoadChain(string shownPath, string full, IReadOnlyList<string> roots, List<ScenarioSource> sources, ScenarioErrors errors, List<string> chain)
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

        string parentShown = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(shownPath) ?? "", extends.Value);
        string named = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, extends.Value);
        string parentPath;
        try { parentPath = RealPath.Of(named); }
        catch (IOException e) { extends.Error(e.Message); return part; }
        List<string> nextChain = [.. chain, RealPath.Of(full)];
        if (!roots.Any(root => RealPath.IsUnder(parentPath, root)))
            extends.Error($"'{extends.Value}' is outside the scenario's folder {roots[0]}" + (roots.Count > 1 ? $" and the scenario root {roots[1]}" : "") +
                          $" (it is {parentPath}, with every link followed); 'extends' may name files in or below the scenario's folder, " +
                          "or under a folder named with --scenario-root");
        else if (nextChain.Contains(parentPath, StringComparer.Ordinal))
            extends.Error($"'extends' makes a cycle: {string.Join(" -> ", nextChain.Append(parentPath).Select(System.IO.Path.GetFileName))}");
        else if (!File.Exists(parentPath) && !Directory.Exists(parentPath))
            extends.Error($"file not found: {parentShown}");
        else if (LoadChain(parentShown, System.IO.Path.GetFullPath(named), roots, sources, errors, nextChain) is { } parent)
            return part.Over(parent);
        return part;
    }
}
