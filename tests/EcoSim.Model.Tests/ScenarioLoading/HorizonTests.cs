using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>Start, end and the 200-year horizon.</summary>
public class HorizonTests
{
    /// <summary>The tiny scenario with other dates and no events (so only the dates can be wrong).</summary>
    private static string Dates(string start, string end)
    {
        var lines = TinyScenario.Text.Split('\n');
        lines[2] = $"start: {start}";
        lines[3] = $"end: {end}";
        return string.Join('\n', lines.Take(23)) + "\n";
    }

    [Fact]
    public void Start_after_end_is_reported_at_end()
    {
        using var f = new TempFolder();
        // "end: 2024Q4": the value at column 6.
        TinyScenario.AssertSingleError(f.Write("dates.yaml", Dates("2025Q1", "2024Q4")), 4, 6, "end", "must not be before start (2025Q1)");
    }

    [Fact]
    public void A_one_quarter_horizon_is_allowed()
    {
        using var f = new TempFolder();
        Assert.Equal(1, ScenarioLoader.Load(f.Write("one.yaml", Dates("2024Q3", "2024Q3"))).World.Ticks);
    }

    [Fact]
    public void Exactly_200_years_is_allowed_and_one_quarter_more_is_not()
    {
        using var f = new TempFolder();
        // 2024Q1..2223Q4 is 200 * 4 = 800 quarters.
        Assert.Equal(800, ScenarioLoader.Load(f.Write("max.yaml", Dates("2024Q1", "2223Q4"))).World.Ticks);
        TinyScenario.AssertSingleError(f.Write("over.yaml", Dates("2024Q1", "2224Q1")), 4, 6, "end", "is longer than the 200 years allowed");
    }

    [Fact]
    public void Horizon_message_does_not_contradict_itself()
    {
        // 801 quarters: once written as "horizon of 200 years is longer than the 200 allowed".
        using var f = new TempFolder();
        var error = Assert.Single(TinyScenario.Fails(f.Write("over.yaml", Dates("2024Q1", "2224Q1"))).Errors);
        Assert.DoesNotContain("horizon of 200 years", error.Message);
        Assert.Equal("horizon of 200.25 years (801 quarters) is longer than the 200 years allowed", error.Message);
    }

    [Fact]
    public void A_year_alone_means_its_first_quarter()
    {
        using var f = new TempFolder();
        var w = ScenarioLoader.Load(f.Write("years.yaml", Dates("2024", "2025"))).World;
        Assert.Equal(new EcoSim.Model.Time.Period(2024, 1), w.Start);
        Assert.Equal(5, w.Ticks); // 2024Q1..2025Q1
    }
}
