using System.Globalization;
using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>
/// An earlier EcoSim output folder as its manifest describes it: what it was (for the message saying what is
/// replaced) and which of its entries EcoSim did not write or that changed since (which forbid replacing it).
/// </summary>
/// <param name="Description">E.g. "run of guangdong-baseline, seed 42, written 2026-12-01 09:10 UTC".</param>
/// <param name="Foreign">Paths relative to the folder that the manifest does not list, or whose bytes no longer
/// match its SHA-256, or that are links, each followed by why; empty when the folder holds only what EcoSim wrote.</param>
internal sealed record EarlierOutput(string Description, IReadOnlyList<string> Foreign)
{
    /// <summary>Reads the manifest of <paramref name="folder"/> (which carries the EcoSim marker) and checks every entry against it.</summary>
    public static EarlierOutput Read(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, RunOutputFolder.ManifestFileName)));
        var root = document.RootElement;
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
            foreach (var file in files.EnumerateArray())
                if (file.ValueKind == JsonValueKind.Object && Text(file, "path") is { } path && Text(file, "sha256") is { } sha)
                    recorded[path] = sha;
        return new EarlierOutput(Describe(root), Check(folder, recorded));
    }

    /// <summary>
    /// Every entry under <paramref name="folder"/> that is not one of the recorded files (or the manifest, or a
    /// folder holding one), is a link, or differs from its recorded hash, with which of these it is; sorted.
    /// A recorded file that is missing is no reason to keep the folder: nothing of the user's is in it.
    /// </summary>
    private static List<string> Check(string folder, Dictionary<string, string> recorded)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in recorded.Keys)
            for (int slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
                folders.Add(path[..slash]);
        var foreign = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            string relative = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            string? problem = entry switch
            {
                { LinkTarget: not null } => "a link",
                DirectoryInfo => folders.Contains(relative) ? null : "not written by EcoSim",
                _ when relative == RunOutputFolder.ManifestFileName => null,
                _ when !recorded.ContainsKey(relative) => "not written by EcoSim",
                _ when !string.Equals(ContentHash.OfFile(entry.FullName), recorded[relative], StringComparison.Ordinal) => "changed",
                _ => null,
            };
            if (problem is not null) foreign.Add($"{relative}{(entry is DirectoryInfo && entry.LinkTarget is null ? "/" : "")} ({problem})");
        }
        foreign.Sort(StringComparer.Ordinal);
        return foreign;
    }

    /// <summary>"run of X, seed S, written D": the kind, scenario(s) and seed(s) the manifest records, and when it was finished.</summary>
    private static string Describe(JsonElement root)
    {
        string kind = Text(root, "kind") ?? "run";
        string? Name(string key) => root.TryGetProperty(key, out var s) && s.ValueKind == JsonValueKind.Object ? Text(s, "name") : null;
        string what = kind switch
        {
            "compare" => $"comparison of {Name("policy")} with {Name("baseline")}",
            "ensemble" => $"ensemble of {Name("scenario")}",
            "sweep" => $"sweep of {Name("scenario")}",
            _ => $"run of {Text(root, "scenarioName")}",
        };
        if (root.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number)
            what += $", seed {seed.GetRawText()}";
        else if (root.TryGetProperty("seeds", out var seeds) && seeds.ValueKind == JsonValueKind.Array && seeds.GetArrayLength() > 0)
            what += seeds.GetArrayLength() == 1 ? $", seed {seeds[0].GetRawText()}" : $", {seeds.GetArrayLength()} seeds from {seeds[0].GetRawText()}";
        if (root.TryGetProperty("endedUtc", out var ended) && ended.ValueKind == JsonValueKind.String && ended.TryGetDateTime(out var when))
            what += $", written {when.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        return what;
    }

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
