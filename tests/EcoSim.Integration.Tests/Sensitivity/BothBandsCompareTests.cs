using System.Globalization;
using System.Xml.Linq;
using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests.Sensitivity;

/// <summary>
/// <c>compare --parameter-uncertainty</c> also runs the same seeds with the scenarios' own values: its
/// seed-only band is the bytes of a plain compare's band, summary.csv holds both, and report.html and
/// findings.md show the same numbers as summary.csv with a verdict on the direction that fits them.
/// </summary>
public sealed class BothBandsCompareTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    private static async Task<string> Compare(string root, string name, params string[] extra)
    {
        string dir = Path.Combine(root, name);
        var (code, _, errors) = await CliRunner.Ecosim(["compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "10", "--engine", "reference", "--no-plots", "--out", dir, .. extra]);
        Assert.True(code == 0, errors);
        return dir;
    }

    private static (string[] Header, List<string[]> Rows) Csv(string path)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(path) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return (header, rows);
    }

    [Fact]
    public async Task The_seed_only_band_is_a_plain_compare_s_band_and_the_report_and_findings_show_the_csv_s_numbers()
    {
        string root = TestFiles.NewTempFolder();
        string plain = await Compare(root, "plain");
        string both = await Compare(root, "both", "--parameter-uncertainty", "basicShare=0.1:0.3");

        var (plainHeader, plainRows) = Csv(Path.Combine(plain, "summary.csv"));
        var (header, rows) = Csv(Path.Combine(both, "summary.csv"));
        Assert.Equal(ComparisonBands.Columns(withSeedOnly: true).Count * 3 + 6, header.Length);
        Assert.Equal(plainRows.Count, rows.Count);
        // Every band of the plain compare, field for field, is the seed-only band of the one with parameter uncertainty.
        foreach (string band in ComparisonBands.BandNames)
            foreach (string q in new[] { "p05", "median", "p95" })
            {
                int at = Array.IndexOf(plainHeader, $"{band}_{q}"), seedOnly = Array.IndexOf(header, $"{SeedOnlyBand.ColumnPrefix}{band}_{q}");
                Assert.True(at >= 0 && seedOnly >= 0, $"{band}_{q}");
                Assert.Equal(plainRows.Select(r => r[at]), rows.Select(r => r[seedOnly]));
            }
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "runs", "baseline-seed7.csv")), File.ReadAllBytes(Path.Combine(both, "runs", "seed-only-baseline-seed7.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "runs", "policy-seed16.csv")), File.ReadAllBytes(Path.Combine(both, "runs", "seed-only-policy-seed16.csv")));
        // The drawn bands differ from the seed-only ones somewhere (the draw is not ignored).
        int effect = Array.IndexOf(header, "effect_p95"), seedOnlyEffect = Array.IndexOf(header, "seed_only_effect_p95");
        Assert.Contains(rows, r => r[effect] != r[seedOnlyEffect]);

        // report.html's table: each stock metric's numbers are the CSV's relative effect of the region in the last quarter.
        var html = File.ReadAllText(Path.Combine(both, "report.html"));
        var table = XDocument.Parse(html["<!DOCTYPE html>".Length..]).Descendants("section").Single(s => (string?)s.Attribute("id") == "both-bands");
        var cells = table.Descendants("tr").Skip(1).Select(tr => tr.Elements("td").Select(td => td.Value).ToArray()).ToList();
        Assert.Equal(Findings.KeyMetrics.Length, cells.Count);
        string lastPeriod = rows[^1][0];
        string Field(string metric, string column) => rows.Single(r => r[0] == lastPeriod && r[2] == "-1" && r[4] == metric)[Array.IndexOf(header, column)];
        string Percent(string field) => Findings.SignedPercent(double.Parse(field, CultureInfo.InvariantCulture));
        int checkedRows = 0;
        foreach (string metric in Findings.KeyMetrics.Where(m => !MetricColumns.Get(m).Unit.Contains("per tick", StringComparison.Ordinal)))
        {
            var row = cells.Single(c => c[0] == MetricColumns.Get(metric).Title);
            Assert.Equal($"At {lastPeriod}", row[1]);
            Assert.Equal(Percent(Field(metric, "seed_only_relative_effect_median")), row[2]);
            Assert.Equal($"{Percent(Field(metric, "seed_only_relative_effect_p05"))} to {Percent(Field(metric, "seed_only_relative_effect_p95"))}", row[3]);
            Assert.Equal(Percent(Field(metric, "relative_effect_median")), row[4]);
            Assert.Equal($"{Percent(Field(metric, "relative_effect_p05"))} to {Percent(Field(metric, "relative_effect_p95"))}", row[5]);
            checkedRows++;
        }
        Assert.True(checkedRows >= 5);

        // The verdict fits the bands: no band that includes zero is called a clear direction, in the report or in findings.md.
        string findings = File.ReadAllText(Path.Combine(both, "findings.md"));
        Assert.Contains("## Both kinds of band", findings);
        Assert.Contains("Beside it stands the spread of seed noise alone", findings);
        foreach (var row in cells)
        {
            bool seedOnlyClear = Clear(row[3]), withParametersClear = Clear(row[5]);
            string expected = (seedOnlyClear, withParametersClear) switch
            {
                _ when row[2] == "n/a" => "no effect to measure",
                (true, true) => Sign(row[3]) == Sign(row[5]) ? "survives parameter uncertainty" : "opposite directions: depends on the parameters",
                (true, false) => "clear under seed noise only; lost with parameter uncertainty",
                (false, true) => "not clear under seed noise; clear only over the drawn values",
                _ => "not clear under either",
            };
            Assert.Equal(expected, row[6]);
            Assert.Contains($"| {string.Join(" | ", row)} |", findings);
        }
    }

    // "+0.4% to +1.2%": both ends on one side of zero. The sign is printed even where the digits round to
    // zero ("+0.0%" is above zero, "0.0%" is zero), so the text alone tells which side each end is on.
    private static bool Clear(string range) => Sign(range) != 0;

    private static int Sign(string range)
    {
        if (range.Contains("n/a", StringComparison.Ordinal)) return 0;
        var ends = range.Split(" to ").Select(e => e[0] switch { '+' => 1, '-' => -1, _ => 0 }).ToArray();
        return ends[0] > 0 ? 1 : ends[1] < 0 ? -1 : 0;
    }
}
