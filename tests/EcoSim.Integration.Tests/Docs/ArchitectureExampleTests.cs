using EcoSim.Experiments.Output;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests.Docs;

/// <summary>The C# example of docs/ARCHITECTURE.md is <see cref="ExperimentsFromCSharp"/>, word for word, and it runs.</summary>
public sealed class ArchitectureExampleTests
{
    private static string ExampleSource => Path.Combine(TestFiles.RepoRoot, "tests", "EcoSim.Integration.Tests", "Docs", "ExperimentsFromCSharp.cs");

    /// <summary>The one <c>```csharp</c> block of the section "The experiments library".</summary>
    private static string DocExample()
    {
        string doc = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "docs", "ARCHITECTURE.md")).ReplaceLineEndings("\n");
        int section = doc.IndexOf("\n## The experiments library\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "ARCHITECTURE.md has no section \"The experiments library\"");
        int next = doc.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        string text = doc[section..(next < 0 ? doc.Length : next)];
        int open = text.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(open >= 0, "the section has no ```csharp block");
        int close = text.IndexOf("\n```", open, StringComparison.Ordinal);
        Assert.Equal(-1, text.IndexOf("```csharp", close, StringComparison.Ordinal));
        return text[(open + "```csharp\n".Length)..close];
    }

    [Fact]
    public void The_docs_example_is_the_compiled_example_word_for_word() =>
        Assert.Equal(File.ReadAllText(ExampleSource).ReplaceLineEndings("\n").TrimEnd('\n'), DocExample());

    [Fact]
    public async Task The_ensemble_of_the_example_keeps_eight_seeds_region_rows()
    {
        var small = TestFiles.LoadSmall();
        var regions = await ExperimentsFromCSharp.RegionsOfEightSeeds(small with { World = small.World with { Ticks = 3 } });

        Assert.Equal(Enumerable.Range(1, 8).Select(s => (ulong)s), regions.Keys.Order());
        Assert.All(regions.Values, rows => Assert.Equal([0, 1, 2], rows.Select(r => r.Tick)));
        Assert.All(regions.Values, rows => Assert.All(rows, r => Assert.Equal(MetricsRowRegion, r.Cluster)));
        Assert.NotEqual(regions[1][^1].Values, regions[2][^1].Values);
    }

    [Fact]
    public async Task The_comparison_of_the_example_writes_the_folder_compare_writes_and_returns_its_findings()
    {
        var baseline = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml"));
        var shortBaseline = baseline with { World = baseline.World with { Ticks = 4 } };
        string folder = Path.Combine(TestFiles.NewTempFolder(), "compare");
        var notes = new StringWriter();

        string findings = await ExperimentsFromCSharp.CompareInto(folder, shortBaseline, shortBaseline, notes);

        Assert.Equal(File.ReadAllText(Path.Combine(folder, "findings.md")), findings);
        Assert.IsType<EcoSim.Experiments.Ensembles.ComparisonPayload>(ManifestReader.Read(Path.Combine(folder, RunOutputFolder.ManifestFileName)).Payload);
        Assert.Contains("4 paired seeds", notes.ToString(), StringComparison.Ordinal);
    }

    private const int MetricsRowRegion = EcoSim.Model.Metrics.MetricsRow.RegionIndex;
}
