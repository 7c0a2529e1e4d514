using System.Diagnostics;
using System.Text;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// A scenario whose every field is within its range can still ask for more than a machine has: the
/// whole is bounded (total agents, clusters, events, relatedness pairs, and the run's estimated memory
/// and work), refused fast with the numbers, and the ceilings can be raised explicitly.
/// </summary>
public class BoundedWorkTests
{
    private static string Labs(int groups, int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < groups; i++) text.Append($"    - {{ kind: university, count: {count}, basicWeight: 1.0, appliedWeight: 0.4 }}\n");
        return text.ToString();
    }

    /// <summary>The tiny scenario with its two lab lines (9, 10) replaced by <paramref name="labLines"/>.</summary>
    private static string WithLabs(string labLines) =>
        TinyScenario.Text.Replace("    - { kind: university, count: 4, basicWeight: 1.0, appliedWeight: 0.4 }\n    - { kind: rd-institute, count: 2, basicWeight: 0.3, appliedWeight: 1.5 }\n", labLines);

    [Fact]
    public void Thousands_of_million_lab_groups_are_refused_with_the_total_and_fast()
    {
        // The probe that grew a run to 23 GB: 2,200 groups of 1,000,000 labs, each group within its range.
        using var f = new TempFolder();
        var watch = Stopwatch.StartNew();
        var error = TinyScenario.Fails(f.Write("labs.yaml", WithLabs(Labs(2200, 1_000_000)))).Errors.Single();
        Assert.Equal("population.labs", error.Key);
        Assert.Equal((9, 5), (error.Line, error.Column)); // the lab groups of the scenario's own file
        Assert.Contains("2,200,000,000 labs in all are more than the 2,000,000", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "validation must not build the population");
    }

    [Fact]
    public void Too_many_funds_in_all_are_refused()
    {
        using var f = new TempFolder();
        var funds = new StringBuilder();
        for (int i = 0; i < 3; i++) funds.Append("    - { kind: venture, count: 100000, capital: 10 }\n");
        string text = TinyScenario.Text.Replace("    - { kind: venture, count: 2, capital: 10 }\n    - { kind: guidance, count: 1, capital: 5 }\n", funds.ToString());
        var error = TinyScenario.Fails(f.Write("funds.yaml", text)).Errors.Single();
        Assert.Equal("population.funds", error.Key);
        Assert.Contains("300,000 funds in all are more than the 200,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Twelve_thousand_clusters_are_refused_before_any_pair_is_built()
    {
        using var f = new TempFolder();
        var text = new StringBuilder(TinyScenario.Text[..TinyScenario.Text.IndexOf("clusters:", StringComparison.Ordinal)]).Append("clusters:\n");
        for (int i = 0; i < 12_000; i++) text.Append($"  - {{ id: c{i}, kind: pillar, revenue: 10, rdIntensity: 0.02 }}\n");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = TinyScenario.Fails(f.Write("clusters.yaml", text.ToString())).Errors.Single();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before; // this thread only: tests running beside it allocate too
        Assert.Equal("clusters", error.Key);
        Assert.Contains("12,000 clusters are more than the 500", error.Message, StringComparison.Ordinal);
        // The relatedness matrix alone would be 12,000^2 doubles (1.15 GB); parsing the file takes far less.
        Assert.True(allocated < 400_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Too_many_events_over_every_file_are_refused()
    {
        using var f = new TempFolder();
        var text = new StringBuilder(TinyScenario.Text);
        for (int i = 0; i < 10_001; i++) text.Append("  - at: 2025Q1\n    set: { minBasicShare: 0.3 }\n");
        var error = TinyScenario.Fails(f.Write("events.yaml", text.ToString())).Errors.Single();
        Assert.Equal("events", error.Key);
        Assert.Contains("10,002 events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_over_the_memory_ceiling_is_refused_with_the_estimate_by_population()
    {
        // 1.9 million labs are within the count, but not within 512 MiB.
        using var f = new TempFolder();
        string path = f.Write("big.yaml", WithLabs(Labs(2, 950_000)));
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path, ScenarioLimits.Default with { MaxMemoryBytes = 512 << 20 })).Errors.Single();
        Assert.Equal("population.labs", error.Key);
        Assert.Contains("would need about 1002 MiB of memory, over the ceiling of 512 MiB (--max-memory)", error.Message, StringComparison.Ordinal);
        Assert.Contains("by population: 1,900,000 labs 906 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_is_accepted_when_the_ceiling_is_raised()
    {
        using var f = new TempFolder();
        string path = f.Write("big.yaml", WithLabs(Labs(2, 950_000)));
        var scenario = ScenarioLoader.Load(path, ScenarioLimits.Default with { MaxMemoryBytes = 4.0 * (1 << 30) });
        Assert.Equal(1_900_000, scenario.World.Labs.Sum(g => g.Count));
    }

    [Fact]
    public void A_run_over_the_work_ceiling_is_refused_naming_the_option()
    {
        using var f = new TempFolder();
        string path = f.Write("long.yaml", TinyScenario.Text.Replace("firms: 300", "firms: 50000000").Replace("end: 2026Q4", "end: 2223Q4"));
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path, ScenarioLimits.Default with { MaxMemoryBytes = 1e15 })).Errors.Single();
        Assert.Equal("population.firms", error.Key);
        Assert.Equal(7, error.Line);
        Assert.Contains("(--max-work)", error.Message, StringComparison.Ordinal);
        Assert.Contains("50,000,000 firms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_library_scenario_is_far_inside_the_default_ceilings()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestWorlds.RepoRoot, "scenarios"), "*.yaml"))
        {
            var cost = RunCost.Of(ScenarioLoader.Load(file).World);
            Assert.True(cost.MemoryBytes < ScenarioLimits.DefaultMaxMemoryBytes / 10, $"{file}: {RunCost.Bytes(cost.MemoryBytes)}");
            Assert.True(cost.Work < ScenarioLimits.DefaultMaxWork / 100, $"{file}: {RunCost.Updates(cost.Work)}");
        }
    }

    [Theory]
    [InlineData("16GiB", 16.0 * (1 << 30))]
    [InlineData("16", 16.0 * (1 << 30))]
    [InlineData("500 MiB", 500.0 * (1 << 20))]
    [InlineData("1.5t", 1.5 * (1L << 40))]
    [InlineData("2g", 2.0 * (1 << 30))]
    public void Memory_sizes_are_read_with_their_unit(string text, double bytes) => Assert.Equal(bytes, ScenarioLimits.ParseBytes(text));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-4GiB")]
    [InlineData("0")]
    [InlineData("NaN")]
    public void Anything_else_is_not_a_memory_size(string text) => Assert.Null(ScenarioLimits.ParseBytes(text));
}
