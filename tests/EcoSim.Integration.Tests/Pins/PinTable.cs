namespace EcoSim.Integration.Tests.Pins;

/// <summary>One pinned file: which kind of output wrote it, its path in the output folder, and its SHA-256 in its pinned form.</summary>
internal sealed record Pin(string Kind, string File, PinForm Form, string Sha256);

/// <summary>
/// The checked-in table of pinned output hashes, <c>Pins/output-pins.tsv</c> in the source tree (read
/// there, not from the build output, so that a deliberate rewrite lands in the file that is committed).
/// Setting <see cref="RewriteVariable"/> to 1 makes the pin tests write what they see into it instead of
/// comparing: for a change whose new bytes are intended and explained in its commit message.
/// </summary>
internal static class PinTable
{
    /// <summary>The environment variable that rewrites the table: <c>ECOSIM_REPIN=1 dotnet test tests/EcoSim.Integration.Tests --filter Pins</c>.</summary>
    public const string RewriteVariable = "ECOSIM_REPIN";

    private static readonly Lock Writing = new();

    /// <summary>The table's path in the source tree.</summary>
    public static string Path => System.IO.Path.Combine(TestFiles.RepoRoot, "tests", "EcoSim.Integration.Tests", "Pins", "output-pins.tsv");

    /// <summary>Whether this test run rewrites the table rather than checks it.</summary>
    public static bool Rewriting => Environment.GetEnvironmentVariable(RewriteVariable) == "1";

    /// <summary>The pins of one kind of output, by file.</summary>
    public static IReadOnlyDictionary<string, Pin> Of(string kind) =>
        Read().Where(p => p.Kind == kind).ToDictionary(p => p.File, StringComparer.Ordinal);

    /// <summary>Replaces the pins of <paramref name="kind"/> with <paramref name="pins"/>, keeping every other kind's.</summary>
    public static void Replace(string kind, IEnumerable<Pin> pins)
    {
        lock (Writing)
        {
            var all = Read().Where(p => p.Kind != kind).Concat(pins).OrderBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.File, StringComparer.Ordinal);
            var lines = Header.Concat(all.Select(p => $"{p.Kind}\t{p.File}\t{p.Form.ToString().ToLowerInvariant()}\t{p.Sha256}"));
            File.WriteAllText(Path, string.Join("\n", lines) + "\n");
        }
    }

    private static IEnumerable<Pin> Read()
    {
        if (!File.Exists(Path)) return [];
        return File.ReadAllLines(Path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .Select(f => new Pin(f[0], f[1], Enum.Parse<PinForm>(f[2], ignoreCase: true), f[3])).ToList();
    }

    private static readonly string[] Header =
    [
        "# SHA-256 of every data file each kind of ecosim output writes for the pin scenarios (see OutputPinTests).",
        "# Columns: kind, file in the output folder, form (bytes: the file as it is; parquet: schema, metadata but",
        "# ecosim.code_version, every value's bits; manifest: manifest.json without times, versions, command line",
        "# and machine paths), SHA-256 of that form.",
        $"# Change it only when a change of output is intended and said in the commit: {RewriteVariable}=1 dotnet test tests/EcoSim.Integration.Tests --filter Pins",
    ];
}
