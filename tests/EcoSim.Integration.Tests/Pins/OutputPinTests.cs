namespace EcoSim.Integration.Tests.Pins;

/// <summary>
/// Pins the bytes every kind of output writes today (a run on each engine, a run with its firm panel, an
/// ensemble of seeds, a comparison and a sweep), on the small test world cut to a few ticks, so that a
/// refactoring that changes any of them fails here, naming the kind and the file. The expected hashes
/// live in one table, <see cref="PinTable"/>; plots and report.html are not pinned (they are drawn, and
/// carry the command and start time), every other file is.
/// </summary>
public sealed class OutputPinTests
{
    private const string Ticks = "5";

    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    /// <summary>Each kind of output and the command that writes it (the output folder is added).</summary>
    public static TheoryData<string, string[]> Kinds => new()
    {
        { "run-reference", ["run", TestFiles.SmallScenario, "--engine", "reference", "--seed", "11", "--ticks", Ticks, "--no-plots"] },
        { "run-orleans", ["run", TestFiles.SmallScenario, "--engine", "orleans", "--seed", "11", "--ticks", Ticks, "--no-plots", "--firms-per-shard", "300"] },
        { "run-firm-panel", ["run", TestFiles.SmallScenario, "--engine", "reference", "--ticks", Ticks, "--no-plots", "--firm-panel-every", "2"] },
        { "ensemble", ["run", TestFiles.SmallScenario, "--engine", "reference", "--seeds", "3", "--seed", "20", "--ticks", Ticks, "--no-plots"] },
        { "compare", ["compare", SmallBaseline, TestFiles.SmallScenario, "--engine", "reference", "--seeds", "2", "--ticks", Ticks, "--no-plots"] },
        { "sweep", ["sweep", SmallBaseline, "--param", "basicShare=0.1:0.3:0.1", "--engine", "reference", "--seeds", "2", "--ticks", Ticks, "--no-plots"] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_data_file_of_each_kind_of_output_keeps_its_pinned_bytes(string kind, string[] command)
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), kind);
        var (code, _, errors) = await CliRunner.Ecosim([.. command, "--out", dir]);
        Assert.True(code == 0, errors);

        var seen = new List<Pin>();
        foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.EndsWith(".html", StringComparison.Ordinal) || relative.StartsWith("plots/", StringComparison.Ordinal)) continue;
            var form = PinnedForms.FormOf(relative);
            seen.Add(new Pin(kind, relative, form, await PinnedForms.HashAsync(file, form)));
        }

        if (PinTable.Rewriting)
        {
            PinTable.Replace(kind, seen);
            return;
        }
        var pinned = PinTable.Of(kind);
        string remedy = $"If the change of bytes is intended, explain it in the commit and rewrite the table with {PinTable.RewriteVariable}=1 (see {nameof(PinTable)}).";
        Assert.True(pinned.Count > 0, $"{kind}: no pins in the table. {remedy}");
        foreach (var pin in seen)
        {
            Assert.True(pinned.TryGetValue(pin.File, out var expected), $"{kind}: {pin.File} is written but not pinned. {remedy}");
            Assert.True(expected.Sha256 == pin.Sha256,
                $"{kind}: {pin.File} ({pin.Form.ToString().ToLowerInvariant()} form) changed: SHA-256 {pin.Sha256}, pinned {expected.Sha256}. {remedy}");
        }
        var missing = pinned.Keys.Except(seen.Select(p => p.File)).ToList();
        Assert.True(missing.Count == 0, $"{kind}: pinned but no longer written: {string.Join(", ", missing)}. {remedy}");
    }
}
