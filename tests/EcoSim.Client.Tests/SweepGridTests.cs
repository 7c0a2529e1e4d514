using EcoSim.Experiments.Ensembles;

namespace EcoSim.Client.Tests;

/// <summary>Reading --param NAME=FROM:TO:STEP into a grid, and every way it can be wrong.</summary>
public sealed class SweepGridTests
{
    private static SweepGrid? Parse(int seeds, params string[] texts) => SweepGrid.TryParse(texts, seeds, out _);

    private static string Problems(params string[] texts)
    {
        Assert.Null(SweepGrid.TryParse(texts, 5, out var errors));
        Assert.NotEmpty(errors);
        return string.Join("\n", errors);
    }

    [Fact]
    public void One_parameter_gives_exact_decimal_steps_including_both_ends()
    {
        var grid = Parse(5, "basicShare=0.1:0.5:0.1")!;
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], grid.Axes[0].Values);
        Assert.Equal(["basicShare=0.1", "basicShare=0.2", "basicShare=0.3", "basicShare=0.4", "basicShare=0.5"], grid.Points.Select(p => p.Label));
        Assert.Equal([0, 1, 2, 3, 4], grid.Points.Select(p => p.Index));
    }

    [Fact]
    public void Two_parameters_make_a_grid_the_first_varying_slowest_and_names_are_matched_ignoring_case()
    {
        var grid = Parse(2, "BASICSHARE=0.2:0.3:0.1", "publicBudget=90:110:10")!;
        Assert.Equal("basicShare", grid.Axes[0].Parameter.Name);
        Assert.Equal(["basicShare=0.2_publicBudget=90", "basicShare=0.2_publicBudget=100", "basicShare=0.2_publicBudget=110",
                      "basicShare=0.3_publicBudget=90", "basicShare=0.3_publicBudget=100", "basicShare=0.3_publicBudget=110"], grid.Points.Select(p => p.Label));
    }

    [Fact]
    public void A_single_value_and_scientific_notation_are_accepted()
    {
        Assert.Equal([0.25], Parse(1, "basicShare=0.25:0.25:1")!.Axes[0].Values);
        Assert.Equal([100, 110], Parse(1, "publicBudget=1e2:1.1e2:10")!.Axes[0].Values);
    }

    [Theory]
    [InlineData("basicShare", "is not NAME=FROM:TO:STEP")]
    [InlineData("basicShare=0.1:0.5", "is not NAME=FROM:TO:STEP")]
    [InlineData("basicShare=0.1:0.5:0.1:2", "is not NAME=FROM:TO:STEP")]
    [InlineData("=0.1:0.5:0.1", "is not NAME=FROM:TO:STEP")]
    [InlineData("x=1:2:0", "unknown parameter 'x'")]
    [InlineData("basicShare=0.1:0.5:0", "STEP must be greater than 0, not 0")]
    [InlineData("basicShare=0.1:0.5:-0.1", "STEP must be greater than 0, not -0.1")]
    [InlineData("basicShare=0.5:0.1:0.1", "TO (0.1) is below FROM (0.5); give the range from low to high")]
    [InlineData("basicShare=a:0.5:0.1", "FROM 'a' is not a number")]
    [InlineData("basicShare=0.1:half:0.1", "TO 'half' is not a number")]
    [InlineData("basicShare=0.1:0.5:NaN", "STEP 'NaN' is not a number")]
    [InlineData("basicShare=0.1:0.5:0.15", "STEP 0.15 does not divide 0.1..0.5 into whole steps (the last point would be 0.4)")]
    [InlineData("basicShare=0.1:1.5:0.1", "TO 1.5 is outside the allowed range of basicShare, [0, 1] (share)")]
    [InlineData("basicShare=-0.1:0.5:0.1", "FROM -0.1 is outside the allowed range of basicShare, [0, 1] (share)")]
    [InlineData("basicShar=0.1:0.5:0.1", "unknown parameter 'basicShar'; did you mean 'basicShare'?")]
    [InlineData("basicShare=0:1:0.0001", "more than 500 values")]
    [InlineData("basicShare=0:1:1e-40", "STEP must be greater than 0")]
    public void A_malformed_param_is_refused_with_a_message_naming_what_is_wrong(string text, string expected)
    {
        string problems = Problems(text);
        Assert.Contains(expected, problems);
        Assert.Contains(text.Split('=')[0], problems);
    }

    [Fact]
    public void Three_parameters_are_refused()
    {
        string problems = Problems("basicShare=0.1:0.2:0.1", "publicBudget=90:100:10", "minBasicShare=0:0.1:0.1");
        Assert.Contains("--param is given 3 times; a sweep takes one or two parameters", problems);
    }

    [Fact]
    public void The_same_parameter_twice_is_refused_whatever_its_case()
    {
        Assert.Contains("--param basicShare is given twice", Problems("basicShare=0.1:0.2:0.1", "basicshare=0.3:0.4:0.1"));
    }

    [Fact]
    public void Every_problem_of_every_param_is_listed()
    {
        Assert.Null(SweepGrid.TryParse(["basicShar=0:1:0.1", "publicBudget=a:b:1"], 5, out var errors));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Too_many_points_or_runs_are_refused_before_anything_runs()
    {
        Assert.Contains("the grid has 2601 points (51 x 51); at most 500 are allowed", Problems("basicShare=0:1:0.02", "publicBudget=0:500:10"));
        Assert.Null(SweepGrid.TryParse(["basicShare=0:1:0.01"], 200, out var errors));
        Assert.Contains("the sweep would make 20200 runs (101 points x 200 seeds); at most 10000 are allowed", errors.Single());
    }

    [Fact]
    public void No_param_is_refused()
    {
        Assert.Contains("give at least one --param", Problems());
    }
}
