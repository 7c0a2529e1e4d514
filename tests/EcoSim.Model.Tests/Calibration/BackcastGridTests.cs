using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;
using Xunit.Abstractions;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>
/// The back-cast file is the calibration's chosen grid point written out, and (on request) the grid
/// search can be run again.
/// </summary>
public sealed class BackcastGridTests(ITestOutputHelper output)
{
    /// <summary>Set to 1 to run the whole calibration grid (720 points, about four minutes in a Release build on two cores) and print it.</summary>
    internal const string GridVariable = "ECOSIM_BACKCAST_GRID";

    [Fact]
    public void The_backcast_file_is_the_chosen_grid_point()
    {
        var baseline = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World;
        var file = ScenarioLoader.Load(TestWorlds.LibraryScenario(BackcastRun.File)).World;
        var made = BackcastGrid.Make(baseline, BackcastGrid.Chosen, BackcastTests.IntensityScale);
        Assert.Equal(made.Start, file.Start);
        Assert.Equal(made.Ticks, file.Ticks);
        Assert.Equal(made.Seed, file.Seed);
        Assert.Equal(made.Firms, file.Firms);
        Assert.Equal(made.Clusters, file.Clusters);
        Assert.Equal(made.Relatedness, file.Relatedness);
        Assert.Equal(made.Labs, file.Labs);
        Assert.Equal(made.Funds, file.Funds);
        Assert.Equal(made.Parameters, file.Parameters);
        Assert.Equal(made.Timeline, file.Timeline);
        Assert.Equal(made.Facilities, file.Facilities);
    }

    [GridFact]
    public void The_grid_search_still_chooses_the_backcasts_values()
    {
        var baseline = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World;
        var results = BackcastGrid.Search(baseline, CalibrationData.Series("rd_expenditure"), Environment.ProcessorCount);
        output.WriteLine(BackcastGrid.Report(results));
        var feasible = results.Where(r => Math.Abs(r.Researchers2023 / (CalibrationData.Series("rd_personnel")[2023] * 1e6) - 1) <= 0.10).ToList();
        Assert.NotEmpty(feasible);
        Assert.Equal(BackcastGrid.Chosen, feasible[0].Point);
        Assert.Equal(BackcastTests.IntensityScale, feasible[0].IntensityScale);
    }
}

/// <summary>A fact that runs only when ECOSIM_BACKCAST_GRID=1 (it takes minutes), and is reported as skipped otherwise.</summary>
public sealed class GridFactAttribute : FactAttribute
{
    public GridFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(BackcastGridTests.GridVariable) != "1")
            Skip = "set ECOSIM_BACKCAST_GRID=1 to run the back-cast's calibration grid (about four minutes; docs/SCENARIOS.md)";
    }
}
