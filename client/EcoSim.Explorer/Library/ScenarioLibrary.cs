using System.Reflection;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Library;

/// <summary>One scenario the explorer offers: its file name, its name and the question it answers.</summary>
/// <param name="File">The file name, e.g. <c>one-third-basic-research.yaml</c>; what the API names it by.</param>
/// <param name="Name">The scenario's name.</param>
/// <param name="Description">The question it answers.</param>
/// <param name="Start">The first quarter, e.g. <c>2024Q1</c>.</param>
/// <param name="Quarters">The quarters it runs.</param>
/// <param name="Firms">Firms at the start.</param>
/// <param name="Clusters">Its clusters' ids, in order: where a large facility may be built.</param>
public sealed record ScenarioEntry(string File, string Name, string Description, string Start, int Quarters, int Firms, IReadOnlyList<string> Clusters);

/// <summary>
/// The scenarios the explorer offers: those shipped with EcoSim, carried in the assembly so the
/// explorer offers them from any folder, each loaded in memory with the files it extends (no file is
/// read). A scenario pasted into the page is loaded the same way, extending a shipped one by name.
/// </summary>
public sealed class ScenarioLibrary
{
    private const string Prefix = "scenarios/";
    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly IReadOnlyDictionary<string, Scenario> _loaded;

    private ScenarioLibrary(IReadOnlyDictionary<string, string> texts)
    {
        _texts = texts;
        _loaded = texts.Keys.ToDictionary(file => file, file => Load(file, texts[file]), StringComparer.Ordinal);
        Entries = [.. _loaded.OrderBy(p => p.Key == Default ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => Entry(p.Key, p.Value))];
    }

    /// <summary>The scenario the page opens with.</summary>
    public const string Default = "guangdong-baseline.yaml";

    /// <summary>The shipped scenarios.</summary>
    public static ScenarioLibrary Shipped { get; } = new(ReadShipped());

    /// <summary>Every scenario, the default first, then by file name.</summary>
    public IReadOnlyList<ScenarioEntry> Entries { get; }

    /// <summary>Whether <paramref name="file"/> is a shipped scenario whose text is <paramref name="text"/>.</summary>
    public bool IsShipped(string file, string text) => _texts.TryGetValue(file, out var shipped) && shipped == text;

    /// <summary>A shipped scenario by its file name, or null.</summary>
    public Scenario? Find(string file) => _loaded.GetValueOrDefault(file);

    /// <summary>
    /// Loads a scenario given as text: it may extend a shipped scenario by its file name. Errors name the
    /// line and column (<see cref="ScenarioException"/>).
    /// </summary>
    /// <param name="text">The scenario's YAML.</param>
    /// <param name="limits">How large a run it may describe.</param>
    /// <exception cref="ScenarioException">The text is malformed or invalid, or extends something that is not shipped.</exception>
    public Scenario LoadText(string text, ScenarioLimits? limits = null) => Load("pasted.yaml", text, limits);

    private Scenario Load(string file, string text, ScenarioLimits? limits = null)
    {
        var chain = new List<ScenarioSource> { new(file, text) };
        // Follow 'extends' through the shipped texts; the loader checks that each part names the next.
        for (var current = text; ExtendsOf(current) is { } parent && _texts.TryGetValue(parent, out var next) && chain.Count <= ScenarioLoader.MaxExtendsChain;)
        {
            chain.Add(new ScenarioSource(parent, next));
            current = next;
        }
        return ScenarioLoader.LoadTexts(file, chain, limits);
    }

    // Only to find which shipped text comes next: the loader parses and checks every part itself.
    private static string? ExtendsOf(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("extends:", StringComparison.Ordinal)) is { } found
            ? Path.GetFileName(found["extends:".Length..].Trim().Trim('"', '\''))
            : null;

    private static ScenarioEntry Entry(string file, Scenario scenario) =>
        new(file, scenario.Name, scenario.Description.Trim(), scenario.World.Start.ToString(), scenario.World.Ticks, scenario.World.Firms,
            [.. scenario.World.Clusters.Select(c => c.Id)]);

    private static Dictionary<string, string> ReadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            texts[name[Prefix.Length..]] = reader.ReadToEnd();
        }
        return texts;
    }
}
