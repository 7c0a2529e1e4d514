using EcoSim.Experiments;
using EcoSim.Experiments.Engines;

namespace EcoSim.Integration.Tests;

/// <summary>
/// The model compiled while an embedded silo starts: a small copy of the run's world stepped for two quarters, never a
/// failure of the run, never outliving its command. That the run's bytes stay the same is the pins' to say (the command
/// line's runs in <see cref="EmbeddedSiloExitTests"/> warm up as every run on the embedded silo does).
/// </summary>
public sealed class ModelWarmUpTests
{
    [Fact]
    public async Task The_warm_up_steps_two_quarters_of_a_small_copy_of_the_world()
    {
        var world = TestFiles.LoadSmall().World;

        Assert.Equal(2, await ModelWarmUp.Begin(world, CancellationToken.None));
        Assert.Equal(1, await ModelWarmUp.Begin(world with { Ticks = 1 }, CancellationToken.None));
    }

    [Fact]
    public async Task A_world_the_copy_cannot_be_built_from_or_a_cancelled_warm_up_steps_nothing_and_does_not_fail()
    {
        var world = TestFiles.LoadSmall().World;

        Assert.Equal(0, await ModelWarmUp.Begin(world with { Relatedness = [] }, CancellationToken.None));
        Assert.Equal(0, await ModelWarmUp.Begin(world, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_warm_up_begun_while_the_early_silo_starts_has_ended_when_the_silo_is_disposed()
    {
        var early = EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans))!;
        early.WarmUp(TestFiles.LoadSmall().World);
        var warmUp = early.WarmingUp;

        await early.DisposeAsync();

        // Begun only if the silo was still starting, which on any machine it is this soon after it began.
        Assert.NotNull(warmUp);
        Assert.True(warmUp.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task No_warm_up_begins_once_the_silo_has_started()
    {
        await using var early = EarlyEmbeddedSilo.BeginFor(new EngineChoice(EngineKind.Orleans))!;
        await early.Starting;

        early.WarmUp(TestFiles.LoadSmall().World);

        Assert.Null(early.WarmingUp);
    }
}
