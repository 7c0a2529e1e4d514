using EcoSim.Integration.Tests.Hostile;
using EcoSim.Integration.Tests.Pins;

namespace EcoSim.Integration.Tests;

/// <summary>
/// The bytes of a run do not depend on the instruction set: the same short runs, on both engines and two
/// shard sizes, in child processes with AVX-512, with AVX2, and with every hardware intrinsic switched off
/// (the JIT then takes the software paths of <c>Vector256</c> and <c>Math.FusedMultiplyAdd</c>), write
/// the same data files as in a process with the machine's defaults. Files are compared in the forms the
/// output pins use (<see cref="PinnedForms"/>), so the manifest's start time and paths do not count.
/// </summary>
public sealed class InstructionSetTests
{
    private const string Ticks = "8";

    /// <summary>Each setting switches off one level of the JIT's vector instructions, and all of them below it.</summary>
    private static readonly (string Name, string Variable)[] Settings =
    [
        ("no AVX-512", "DOTNET_EnableAVX512F"),
        ("no AVX2", "DOTNET_EnableAVX2"),
        ("no hardware intrinsics", "DOTNET_EnableHWIntrinsic"),
    ];

    private static string[] Command(string engine, string firmsPerShard) => engine == "reference"
        ? ["run", TestFiles.SmallScenario, "--engine", "reference", "--seed", "5", "--ticks", Ticks, "--no-plots"]
        : ["run", TestFiles.SmallScenario, "--engine", "orleans", "--seed", "5", "--ticks", Ticks, "--no-plots", "--firms-per-shard", firmsPerShard];

    [Fact]
    public async Task Runs_write_the_same_bytes_with_and_without_each_instruction_set()
    {
        // Defaults first: the reference engine and the Orleans engine at two shard sizes.
        var runs = new (string Engine, string Shard)[] { ("reference", ""), ("orleans", "300"), ("orleans", "700") };
        var expected = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        await Task.WhenAll(runs.Select(async run => { var hashes = await RunAsync(Command(run.Engine, run.Shard), null); lock (expected) expected[run.Engine + run.Shard] = hashes; }));

        // Each setting: the reference engine and the Orleans engine at one of the two shard sizes (in turn).
        var checks = Settings.Select((setting, i) => (setting, shard: i % 2 == 0 ? "300" : "700")).ToList();
        var failures = new List<string>();
        await Task.WhenAll(checks.SelectMany(check => new[] { ("reference", ""), ("orleans", check.shard) }.Select(async run =>
        {
            var hashes = await RunAsync(Command(run.Item1, run.Item2), check.setting.Variable);
            var differences = Differences(expected[run.Item1 + run.Item2], hashes);
            if (differences.Count > 0)
                lock (failures) failures.Add($"{check.setting.Name} ({check.setting.Variable}=0), {run.Item1} {run.Item2}: {string.Join(", ", differences)}");
        })));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<string> Differences(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> seen)
    {
        var files = expected.Keys.Union(seen.Keys).Order(StringComparer.Ordinal);
        return [.. files.Where(f => !expected.TryGetValue(f, out var a) || !seen.TryGetValue(f, out var b) || a != b)];
    }

    /// <summary>Runs <paramref name="command"/> in a child process, with <paramref name="switchedOff"/>=0 if given, and hashes its data files.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RunAsync(string[] command, string? switchedOff)
    {
        string folder = TestFiles.NewTempFolder(), dir = Path.Combine(folder, "out");
        var environment = switchedOff is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [switchedOff] = "0" };
        var child = await Task.Run(() => ChildRun.Ecosim(folder, [.. command, "--out", dir], TimeSpan.FromMinutes(3), environment));
        Assert.True(child.Code == 0, $"{string.Join(' ', command)} with {switchedOff ?? "defaults"}: exit {child.Code}\n{child.Errors}");
        var hashes = new Dictionary<string, string>();
        foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.EndsWith(".html", StringComparison.Ordinal) || relative.StartsWith("plots/", StringComparison.Ordinal)) continue;
            hashes[relative] = await PinnedForms.HashAsync(file, PinnedForms.FormOf(relative));
        }
        Assert.NotEmpty(hashes);
        return hashes;
    }
}
