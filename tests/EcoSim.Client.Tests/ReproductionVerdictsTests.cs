using EcoSim.Experiments.Output;
using EcoSim.Experiments.Reproducing;

namespace EcoSim.Client.Tests;

/// <summary>The verdict lines and the summary of <c>ecosim reproduce</c> in every case: all identical, a data file differing, one changed beside the manifest, plots differing.</summary>
public sealed class ReproductionVerdictsTests
{
    private static readonly string[] Paths = ["metrics.csv", "metrics.parquet", "plots/rd.png", "plots/rd.svg", "report.html"];

    private static ManifestFile File(string path, char digit = 'a') => new(path, 10, new string(digit, 64));

    private static IReadOnlyList<ManifestFile> Files(params string[] differing) => [.. Paths.Select(p => File(p, differing.Contains(p) ? 'b' : 'a'))];

    /// <summary>The verdict lines on <paramref name="reproduced"/> against the recorded files, <paramref name="originalFolder"/> being the folder of the manifest.</summary>
    private static (int Failures, string[] Lines) Judge(IReadOnlyList<ManifestFile> reproduced, string originalFolder)
    {
        var verdict = ReproductionVerdicts.Judge(Files(), reproduced, originalFolder);
        return (verdict.Failures, [.. verdict.Lines]);
    }

    [Fact]
    public void When_every_file_is_identical_the_summary_says_everything_the_run_determines_is_identical()
    {
        using var temp = new TempFolder();
        var (failures, lines) = Judge(Files(), temp.Path);

        Assert.Equal(0, failures);
        Assert.Equal("  identical report.html (presentation, not counted)", lines[^2]);
        Assert.Equal("reproduced: all 2 data files are byte-identical to the manifest's, and so are all 3 other files (report.html and 2 plot files): everything the run determines is identical", lines[^1]);
    }

    [Fact]
    public void A_differing_data_file_is_named_and_the_other_files_are_said_to_be_identical()
    {
        using var temp = new TempFolder();
        var (failures, lines) = Judge(Files("metrics.parquet"), temp.Path);

        Assert.Equal(1, failures);
        Assert.Contains("  DIFFERS   metrics.parquet: recorded aaaaaaaaaaaa, reproduced bbbbbbbbbbbb", lines);
        Assert.Contains("  identical metrics.csv", lines);
        Assert.Equal("NOT reproduced: 1 of 2 data files differ from the manifest's: metrics.parquet", lines[^2]);
        Assert.Equal("all 3 other files (report.html and 2 plot files; presentation, not counted) are byte-identical", lines[^1]);
    }

    [Fact]
    public void A_data_file_changed_beside_the_manifest_is_named_as_such()
    {
        using var temp = new TempFolder();
        System.IO.File.WriteAllText(temp.Combine("metrics.csv"), "changed\n");
        var (failures, lines) = Judge(Files(), temp.Path);

        Assert.Equal(1, failures);
        Assert.Contains($"  CHANGED   metrics.csv: the reproduction matches the manifest, but the copy beside the manifest ({ContentHash.OfFile(temp.Combine("metrics.csv"))[..12]}) does not", lines);
        Assert.Equal("NOT reproduced: metrics.csv beside the manifest is not what the manifest records (changed after it was written; the reproduction matches the manifest)", lines[^2]);
    }

    [Fact]
    public void Plots_that_differ_are_named_but_do_not_count()
    {
        using var temp = new TempFolder();
        var (failures, lines) = Judge(Files("plots/rd.png"), temp.Path);

        Assert.Equal(0, failures);
        Assert.Contains("  differs   plots/rd.png (presentation, not counted: recorded aaaaaaaaaaaa, reproduced bbbbbbbbbbbb)", lines);
        Assert.Equal("reproduced: all 2 data files are byte-identical to the manifest's", lines[^2]);
        Assert.StartsWith("1 of the 3 other files (presentation, not counted) is not identical: plots/rd.png; a plot's pixels come from the platform's font rasteriser", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains("everything the run determines", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_and_a_file_the_manifest_does_not_list_are_both_named()
    {
        using var temp = new TempFolder();
        var (failures, lines) = Judge([.. Files().Where(f => f.Path != "metrics.csv"), File("extra.csv")], temp.Path);

        Assert.Equal(1, failures);
        Assert.Contains("  MISSING   metrics.csv: not written by the reproduction", lines);
        Assert.Contains("  new       extra.csv (not in the manifest, which an older version wrote: not compared)", lines);
        Assert.Equal("NOT reproduced: 1 of 2 data files differ from the manifest's: metrics.csv", lines[^2]);
    }
}
