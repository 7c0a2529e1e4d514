using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>
/// The back-cast file is the calibration grid's chosen point written out. The grid search itself was
/// replaced by <c>ecosim calibrate</c> (docs/SCENARIOS.md, 8.6; its test is BackcastCalibrationTests
/// in the integration tests).
/// </summary>
public sealed class BackcastGridTests
{
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
}
