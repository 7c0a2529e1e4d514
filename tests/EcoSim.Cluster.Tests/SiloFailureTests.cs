using EcoSim.Experiments.Engines;

namespace EcoSim.Cluster.Tests;

/// <summary>Which failures make a run start again on the surviving silos, and which are the run's own.</summary>
public sealed class SiloFailureTests
{
    public static TheoryData<Exception> SiloLosses => new()
    {
        new SiloUnavailableException("silo S127.0.0.1:11112 is dead"),
        new TimeoutException("Response did not arrive on time"),
        new SiloLostException("the cluster declared a silo dead"),
        new AggregateException(new InvalidOperationException("other"), new SiloUnavailableException("dead")),
        new InvalidOperationException("wrapped", new TimeoutException("late")),
    };

    [Theory]
    [MemberData(nameof(SiloLosses))]
    public void A_lost_silo_is_recognised_however_it_is_wrapped(Exception failure) => Assert.True(SiloFailure.IsSiloLoss(failure));

    [Fact]
    public void The_runs_own_failures_are_not_silo_losses()
    {
        Assert.False(SiloFailure.IsSiloLoss(new InvalidOperationException("ClusterGrain 2 expected tick 4 but was asked for tick 5")));
        Assert.False(SiloFailure.IsSiloLoss(new ArgumentException("bad world")));
    }

    [Fact]
    public void A_failure_is_described_on_one_line_without_its_aggregate_wrapper()
    {
        string text = SiloFailure.Describe(new AggregateException(new SiloUnavailableException("silo is dead\nstack and more")));
        Assert.Equal("a silo could not take a message: silo is dead", text);
    }

    [Theory]
    [MemberData(nameof(SiloLosses))]
    public void A_failure_is_described_in_words_without_dotnet_type_names(Exception failure)
    {
        string text = SiloFailure.Describe(failure);
        Assert.DoesNotContain("Exception", text);
        Assert.StartsWith("a ", text);
    }
}
