using System.Globalization;
using EcoSim.Experiments.Calibration;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests.Calibration;

/// <summary>
/// The back-cast's calibration (docs/SCENARIOS.md, "The back-cast") as <c>ecosim calibrate</c> makes
/// it, in a short version for CI (8 particles, 1 generation over the R&amp;D path's parameters, with the flow of
/// certified firms held at the file's values; the full run and its figures are in the docs): the calibrated
/// back-cast, run on its own, must follow Guangdong's observed R&amp;D path within 2.5% RMS percentage error and
/// keep 2023's researchers within 10% of the observed R&amp;D personnel.
/// </summary>
public sealed class BackcastCalibrationTests
{
    /// <summary>Largest RMS percentage error of the calibrated back-cast's total R&amp;D against the observed 2016-2024 series.</summary>
    public const double RmsThreshold = 2.5;

    /// <summary>The command the docs give for the R&amp;D path (docs/SCENARIOS.md 8.6), shortened: narrower priors around the file's point, fewer particles and generations.</summary>
    public static string[] Arguments(string dir) =>
        ["calibrate", Path.Combine(TestFiles.RepoRoot, "scenarios", "guangdong-backcast-2016.yaml"),
         "--target", Path.Combine(TestFiles.RepoRoot, "scenarios", "data", "guangdong-backcast-target.csv"),
         "--param", "demandGrowth=0.055:0.075", "--param", "productivityPassThrough=0:0.4", "--param", "graduateRate=0.15:0.19",
         "--particles", "8", "--generations", "1", "--engine", "reference", "--no-plots", "--out", dir];

    [Fact]
    public async Task The_calibrated_backcast_follows_the_observed_RD_path_within_2_5_percent()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "backcast");
        var (code, output, errors) = await CliRunner.Ecosim(Arguments(dir));
        Assert.True(code == 0, errors);

        // The calibrated file, run on its own with its own seed, on the reference engine.
        var scenario = ScenarioLoader.Load(Path.Combine(dir, "calibrated", "guangdong-backcast-2016-calibrated.yaml"));
        var world = scenario.World;
        int years = world.Ticks / WorldSpec.TicksPerYear;
        var totalRd = new double[years];
        var researchers = new double[years];
        foreach (var tick in new ReferenceEngine(world).Run())
        {
            var region = tick.Rows[^1];
            totalRd[tick.Tick / WorldSpec.TicksPerYear] += region[MetricColumns.TotalRd] / WorldSpec.TicksPerYear;
            researchers[tick.Tick / WorldSpec.TicksPerYear] = region[MetricColumns.Researchers];
        }
        var target = File.ReadAllLines(Path.Combine(TestFiles.RepoRoot, "scenarios", "data", "guangdong-backcast-target.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var rd = target.Where(f => f[0] == CalibrationIndicator.RdExpenditure.Name).Select(f => (Year: int.Parse(f[1], CultureInfo.InvariantCulture), Value: double.Parse(f[2], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024], rd.Select(r => r.Year));
        var errorsByYear = rd.Select(r => totalRd[r.Year - world.Start.Year] / r.Value - 1).ToList();
        double rms = 100 * Math.Sqrt(errorsByYear.Sum(e => e * e) / errorsByYear.Count);
        string table = string.Join(Environment.NewLine, rd.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{r.Year}: observed {r.Value:0.00}, simulated {totalRd[r.Year - world.Start.Year]:0.00} ({errorsByYear[i]:+0.00%;-0.00%})")));
        Assert.True(rms <= RmsThreshold, $"the calibrated back-cast misses the observed R&D by {rms:0.00}% (RMS), more than {RmsThreshold}%:{Environment.NewLine}{table}{Environment.NewLine}{output}");

        double personnel = double.Parse(target.Single(f => f[0] == CalibrationIndicator.RdPersonnel.Name && f[1] == "2023")[2], CultureInfo.InvariantCulture) * 1e6;
        double simulated = researchers[2023 - world.Start.Year];
        Assert.True(Math.Abs(simulated / personnel - 1) < 0.10, $"researchers at the end of 2023: {simulated:#,0}, observed R&D personnel {personnel:#,0}");

        // The calibration's own record of the best particle is the same run (summed in another order, so equal to rounding).
        var best = File.ReadAllLines(Path.Combine(dir, "fit.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "rd_expenditure").Select(f => double.Parse(f[7], CultureInfo.InvariantCulture)).ToList();
        Assert.All(rd.Select((r, i) => (Run: totalRd[r.Year - world.Start.Year], Recorded: best[i])), x => Assert.Equal(x.Run, x.Recorded, x.Run * 1e-12));
    }
}
