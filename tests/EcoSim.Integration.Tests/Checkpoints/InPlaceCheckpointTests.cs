using EcoSim.Experiments.Engines;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// A reference run whose state is too large to copy for its checkpoints writes each from the state in place while the
/// run waits (<see cref="ReferenceSimulation.CopiedCheckpointFirms"/>): the same rows and the same checkpoint bytes as the
/// run that copies them and writes them while it goes on.
/// </summary>
public sealed class InPlaceCheckpointTests
{
    [Fact]
    public async Task Checkpoints_written_in_place_are_the_copied_ones_byte_for_byte()
    {
        var world = EngineRuns.World(ticks: 8);
        int[] at = [1, 4, 8];
        var copied = await EngineRuns.Run(new ReferenceSimulation(), world, at);
        var inPlace = await EngineRuns.Run(new ReferenceSimulation { CopiedCheckpointFirms = 0 }, world, at);

        Assert.Equal(at, inPlace.Checkpoints.Keys);
        Assert.Equal(copied.Rows, inPlace.Rows);
        foreach (int tick in at) Assert.Equal(copied.Checkpoints[tick], inPlace.Checkpoints[tick]);
    }
}
