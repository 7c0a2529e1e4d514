using System.Globalization;
using System.Text;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>
/// One run of scenarios/guangdong-backcast-2016.yaml (2016Q1 to 2024Q4, 36 quarters) on the reference
/// engine with its full firm population (100,000 innovating firms, about 20,000 of them certified) and its own seed, summarised by calendar year;
/// shared by the tests of <see cref="BackcastTests"/> (xUnit class fixture).
/// </summary>
public sealed class BackcastRun
{
    public const string File = "guangdong-backcast-2016.yaml";

    public BackcastRun()
    {
        Scenario = ScenarioLoader.Load(TestWorlds.LibraryScenario(File));
        var world = Scenario.World;
        int years = world.Ticks / WorldSpec.TicksPerYear;
        var total = new double[years];
        var firmRd = new double[years];
        var researchers = new double[years];
        var firms = new double[years];
        var certified = new double[years];
        foreach (var tick in new ReferenceEngine(world).Run())
        {
            var region = tick.Rows[^1];
            int y = tick.Tick / WorldSpec.TicksPerYear;
            total[y] += region[MetricColumns.TotalRd] / WorldSpec.TicksPerYear;
            firmRd[y] += region[MetricColumns.FirmRd] / WorldSpec.TicksPerYear;
            researchers[y] = region[MetricColumns.Researchers]; // end of year
            firms[y] = region[MetricColumns.Firms];             // end of year
            certified[y] = region[MetricColumns.CertifiedFirms]; // end of year
        }
        FirstYear = world.Start.Year;
        TotalRd = total;
        FirmRd = firmRd;
        Researchers = researchers;
        Firms = firms;
        Certified = certified;
        Observed = CalibrationData.Series("rd_expenditure");
    }

    /// <summary>The back-cast as loaded.</summary>
    public Scenario Scenario { get; }

    /// <summary>Calendar year of the first simulated year (2016).</summary>
    public int FirstYear { get; }

    /// <summary>Metric total_rd of the region row, mean of the year's four quarters, bn yuan/yr, by year from <see cref="FirstYear"/>.</summary>
    public IReadOnlyList<double> TotalRd { get; }

    /// <summary>Metric firm_rd of the region row, mean of the year's quarters, bn yuan/yr.</summary>
    public IReadOnlyList<double> FirmRd { get; }

    /// <summary>Researchers in the region's pools at the end of each year, headcount.</summary>
    public IReadOnlyList<double> Researchers { get; }

    /// <summary>Live firms at the end of each year.</summary>
    public IReadOnlyList<double> Firms { get; }

    /// <summary>Live firms holding a high-tech enterprise certificate at the end of each year (metric certified_firms).</summary>
    public IReadOnlyList<double> Certified { get; }

    /// <summary>Observed R&amp;D expenditure by year, bn yuan (scenarios/data/guangdong-calibration.csv).</summary>
    public IReadOnlyDictionary<int, double> Observed { get; }

    /// <summary>Simulated total R&amp;D of a calendar year.</summary>
    public double Simulated(int year) => TotalRd[year - FirstYear];

    /// <summary>Simulated / observed - 1 for every year with an observation.</summary>
    public IReadOnlyList<(int Year, double Observed, double Simulated, double Error)> Errors() =>
        [.. Observed.Where(o => o.Key >= FirstYear && o.Key < FirstYear + TotalRd.Count).Select(o => (o.Key, o.Value, Simulated(o.Key), Simulated(o.Key) / o.Value - 1))];

    /// <summary>Root-mean-square percentage error over the given years (all observed years by default), in per cent.</summary>
    public double RmsPercentageError(Func<int, bool>? years = null)
    {
        var errors = Errors().Where(e => years?.Invoke(e.Year) ?? true).Select(e => e.Error).ToList();
        return 100 * Math.Sqrt(errors.Sum(e => e * e) / errors.Count);
    }

    /// <summary>The year-by-year comparison as a Markdown table.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| year | observed R&D, bn yuan | simulated total_rd, bn yuan/yr | error | firms' share | researchers (end of year) | firms (end of year) | certified (end of year) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        for (int y = 0; y < TotalRd.Count; y++)
        {
            int year = FirstYear + y;
            bool seen = Observed.TryGetValue(year, out double observed);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {year} | {(seen ? observed.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {TotalRd[y]:0.00} | {(seen ? (TotalRd[y] / observed - 1).ToString("+0.00%;-0.00%", CultureInfo.InvariantCulture) : "-")} | {FirmRd[y] / TotalRd[y]:0.0%} | {Researchers[y]:#,0} | {Firms[y]:#,0} | {Certified[y]:#,0} |"));
        }
        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"RMS percentage error: {RmsPercentageError():0.00}% over the {Errors().Count} observed years; {RmsPercentageError(y => y > FirstYear):0.00}% without the first (anchored) year."));
        return text.ToString();
    }
}
