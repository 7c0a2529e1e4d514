using EcoSim.Experiments.Engines;
using Xunit;

namespace EcoSim.Client.Tests;

/// <summary>
/// The pace of the checkpoints a run on a cluster keeps to restart from: fixed when the policy says so, otherwise never
/// more of the run's time than the budget, counted from the ticks' own durations (given here, so no clock is read).
/// </summary>
public sealed class RestartPointPacerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_fixed_interval_is_kept_whatever_the_checkpoints_cost()
    {
        var pacer = new RestartPointPacer(RestartPolicy.Default with { CheckpointEvery = 8 });
        var due = new List<int>();
        for (int done = 1; done <= 40; done++)
        {
            pacer.Ticked(Tick);
            if (!pacer.Due(done)) continue;
            due.Add(done);
            pacer.Took(done, TimeSpan.FromSeconds(10));
        }
        Assert.Equal([8, 16, 24, 32, 40], due);
    }

    [Fact]
    public void An_interval_of_zero_takes_none()
    {
        var pacer = new RestartPointPacer(RestartPolicy.Default with { CheckpointEvery = 0 });
        for (int done = 1; done <= 50; done++) { pacer.Ticked(Tick); Assert.False(pacer.Due(done)); }
    }

    [Fact]
    public void The_first_paced_checkpoint_waits_until_its_assumed_cost_fits_the_budget()
    {
        var pacer = new RestartPointPacer(RestartPolicy.Default);
        // An assumed cost of 10 ticks within 5% of the time: the first is due after 200 ticks.
        int first = FirstDue(pacer, 1, 500);
        Assert.Equal((int)(RestartPointPacer.FirstCostInTicks / RestartPolicy.Default.CheckpointBudget), first);
    }

    [Theory]
    [InlineData(0.1, 0.05, 100)]   // 100 ms over 5%: 2 s of ticks, 100 ticks of 20 ms
    [InlineData(0.02, 0.05, 20)]
    [InlineData(0.1, 0.25, 20)]
    public void After_a_measured_checkpoint_the_next_waits_for_its_cost_over_the_budget(double costSeconds, double budget, int expectedGap)
    {
        var pacer = new RestartPointPacer(RestartPolicy.Default with { CheckpointBudget = budget });
        int first = FirstDue(pacer, 1, 1000);
        pacer.Took(first, TimeSpan.FromSeconds(costSeconds));
        int second = FirstDue(pacer, first + 1, 5000);
        Assert.Equal(expectedGap, second - first);
    }

    [Fact]
    public void A_checkpoint_whose_writes_outlast_its_hold_up_counts_at_the_longer_time()
    {
        var pacer = new RestartPointPacer(RestartPolicy.Default);
        int first = FirstDue(pacer, 1, 1000);
        pacer.Took(first, TimeSpan.FromMilliseconds(10));
        int done = first;
        // Held up 10 ms but stored only after 200 ms: the next one is 4 s of ticks (200 ticks) later, not 0.2 s.
        while (true)
        {
            done++;
            pacer.Ticked(Tick);
            if (pacer.Due(done, TimeSpan.FromMilliseconds(200))) break;
        }
        Assert.Equal(200, done - first);
    }

    [Fact]
    public void The_checkpoints_stay_within_the_budget_over_a_long_run()
    {
        var policy = RestartPolicy.Default;
        var pacer = new RestartPointPacer(policy);
        // Ticks of 15 to 21 ms, 18 on average, and checkpoints that cost a little less than the pacer assumes before it
        // has measured one, as a stored checkpoint of the baseline does (docs/PERFORMANCE.md, section 13).
        var cost = TimeSpan.FromMilliseconds(18 * RestartPointPacer.FirstCostInTicks * 0.9);
        var (ticks, spent) = (TimeSpan.Zero, TimeSpan.Zero);
        int taken = 0;
        for (int done = 1; done <= 5000; done++)
        {
            var tick = TimeSpan.FromMilliseconds(15 + done % 7);
            pacer.Ticked(tick);
            ticks += tick;
            if (!pacer.Due(done)) continue;
            pacer.Took(done, cost);
            spent += cost;
            taken++;
        }
        Assert.True(taken >= 10, $"{taken} checkpoints in 5,000 ticks");
        Assert.True(spent / ticks <= policy.CheckpointBudget, $"checkpoints took {spent / ticks:P1} of the ticks' time");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_budget_outside_zero_to_one_is_refused(double budget) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartPointPacer(RestartPolicy.Default with { CheckpointBudget = budget }));

    [Fact]
    public void A_resumed_run_counts_from_where_it_resumed()
    {
        var pacer = new RestartPointPacer(RestartPolicy.Default, done: 50);
        Assert.Equal(50 + (int)(RestartPointPacer.FirstCostInTicks / RestartPolicy.Default.CheckpointBudget), FirstDue(pacer, 51, 1000));
    }

    private static int FirstDue(RestartPointPacer pacer, int from, int until)
    {
        for (int done = from; done <= until; done++)
        {
            pacer.Ticked(Tick);
            if (pacer.Due(done)) return done;
        }
        throw new Xunit.Sdk.XunitException($"no checkpoint due up to {until}");
    }
}
