using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace EcoSim.Integration.Tests.Hostile;

/// <summary>
/// Hundreds of generated hostile scenarios and manifests (<see cref="HostileScenarios"/>, <see cref="HostileManifests"/>),
/// each given to the command line as a child process, as a user would: every one is refused with exit code 2, without
/// a stack trace, without writing anything, and with the child's peak memory under <see cref="MemoryCeiling"/>. Most go
/// through <c>validate</c>, manifests through <c>reproduce</c>, and a handful through <c>run --ticks 1</c>.
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper log)
{
    /// <summary>
    /// The most a refusing child may use (resident set high-water mark): refusing must not cost what running would.
    /// A valid small scenario's <c>validate</c> peaks near 45 MB; see docs/PERFORMANCE.md, section 14.
    /// </summary>
    public const long MemoryCeiling = 400L << 20;

    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Hostile_scenarios_are_refused_by_validate() =>
        AssertAllRefused(HostileScenarios.Generate(200).ToList(), args => args);

    [Fact]
    public void Hostile_manifests_are_refused_by_reproduce() =>
        AssertAllRefused(HostileManifests.Generate(ValidManifest.Value, 63).ToList(), args => args);

    [Fact]
    public void A_handful_of_hostile_scenarios_are_refused_by_run_before_tick_0() =>
        AssertAllRefused(HostileScenarios.Generate(200).Where((_, i) => i % 37 == 3).ToList(),
            args => ["run", args[1], "--ticks", "1", "--engine", "reference", "--out", "out", "--no-plots"]);

    /// <summary>The manifest of a real one-quarter run of the small world, made once.</summary>
    private static readonly Lazy<string> ValidManifest = new(() =>
    {
        string folder = Path.Combine(TestFiles.NewTempFolder(), "run");
        var run = ChildRun.Ecosim(AppContext.BaseDirectory, ["run", TestFiles.SmallScenario, "--engine", "reference", "--ticks", "1", "--no-plots", "--out", folder], ChildTimeout);
        if (run.Code != 0) throw new InvalidOperationException($"the run that makes the corpus' manifest failed ({run.Code}): {run.Errors}");
        return File.ReadAllText(Path.Combine(folder, "manifest.json"));
    });

    private void AssertAllRefused(IReadOnlyList<HostileCase> cases, Func<string[], string[]> command)
    {
        string root = TestFiles.NewTempFolder();
        var failures = new ConcurrentBag<string>();
        var peaks = new ConcurrentBag<(long Peak, string Case)>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(cases.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, item =>
        {
            var (hostile, i) = item;
            string folder = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            string[] args = command(hostile.Prepare(folder));
            var before = Snapshot(folder);
            var run = ChildRun.Ecosim(folder, args, ChildTimeout);
            peaks.Add((run.PeakBytes, hostile.Name));
            foreach (string problem in Problems(run, before, Snapshot(folder)))
                failures.Add($"{hostile.Name} (ecosim {string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "..." : a))}): {problem}");
        });
        var top = peaks.OrderByDescending(p => p.Peak).First();
        log.WriteLine($"{cases.Count} cases in {clock.Elapsed.TotalSeconds:0.0} s; largest peak {top.Peak / 1048576.0:0.0} MB ({top.Case}); median {peaks.Select(p => p.Peak).Order().ElementAt(peaks.Count / 2) / 1048576.0:0.0} MB");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} hostile cases were not refused cleanly:\n{string.Join('\n', failures.Order())}");
        Directory.Delete(root, recursive: true);
    }

    private static IEnumerable<string> Problems(ChildRun run, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        string printed = run.Output + run.Errors;
        if (run.Code != 2) yield return $"exit {run.Code}, not 2; stderr: {Shorten(run.Errors)} stdout: {Shorten(run.Output)}";
        if (printed.Contains("   at ", StringComparison.Ordinal) || printed.Contains("Exception:", StringComparison.Ordinal) || printed.Contains("Unhandled", StringComparison.Ordinal))
            yield return $"printed a stack trace or an exception: {Shorten(printed)}";
        if (run.Errors.Length == 0) yield return "said nothing on stderr";
        if (DotNetWords.FirstOrDefault(w => printed.Contains(w, StringComparison.Ordinal)) is { } word)
            yield return $"printed the runtime's words ('{word}') instead of EcoSim's: {Shorten(printed)}";
        foreach (char c in printed.Where(Unprintable).Take(1))
            yield return $"printed the raw control character U+{(int)c:X4} instead of its escape";
        if (!before.SequenceEqual(after)) yield return $"wrote {string.Join(", ", after.Except(before).Take(5))}";
        if (run.PeakBytes > MemoryCeiling) yield return $"peaked at {run.PeakBytes / 1048576.0:0} MB, over the ceiling of {MemoryCeiling / 1048576} MB";
    }

    /// <summary>
    /// What .NET puts in its own messages and EcoSim's never hold: type names ("could not be converted to
    /// System.Int32"), System.Text.Json's zero-based positions, a JSON path. A user reads the file, not the program.
    /// </summary>
    private static readonly string[] DotNetWords = ["System.", "LineNumber:", "BytePositionInLine", "Path: $", "YamlDotNet", "Exception"];

    // A character that can drive a terminal (cursor, colour, title, direction) if printed as it is.
    private static bool Unprintable(char c) =>
        c is (< ' ' and not '\n' and not '\r' and not '\t') or (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // Every file and folder below the case's folder, with sizes: a new, grown or shrunk entry is something written.
    private static List<string> Snapshot(string folder) =>
        [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(e => e is FileInfo f && f.LinkTarget is null ? $"{Path.GetRelativePath(folder, f.FullName)} {f.Length}" : Path.GetRelativePath(folder, e.FullName))
            .Order(StringComparer.Ordinal)];

    private static string Shorten(string text) => text.Length > 300 ? text[..300].ReplaceLineEndings(" ") + "..." : text.ReplaceLineEndings(" ");
}
