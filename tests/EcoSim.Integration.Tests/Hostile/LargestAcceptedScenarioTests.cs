using System.Globalization;
using System.Text;
using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests.Hostile;

/// <summary>
/// The edge of what <c>validate</c> lets through with the default ceilings. Every population within its own limit is
/// not enough: 200,000 funds (the limit) beside 500 clusters (the limit) hold two billion slots of holdings, so the
/// estimate counts funds times clusters times the holding period. The largest world accepted has 500 clusters,
/// 2,000,000 labs, 20,000 funds and firms filling the rest of the 8 GiB estimate; a few more firms are refused, with
/// the estimate told apart from the ceiling (its measured peak is in docs/ARCHITECTURE.md, "What EcoSim refuses and
/// what it survives").
/// </summary>
public sealed class LargestAcceptedScenarioTests
{
    /// <summary>Firms that keep the estimate just under 8 GiB beside 500 clusters, 2,000,000 labs and 20,000 funds (8.57e9 of 8.59e9 bytes).</summary>
    public const int LargestFirms = 11_400_000;

    /// <summary>A world of 500 clusters and 2,000,000 labs over two years, with <paramref name="firms"/> firms and two groups of <paramref name="fundsPerGroup"/> funds.</summary>
    public static string World(int firms, int fundsPerGroup, string parameters = "")
    {
        var text = new StringBuilder($$"""
            name: largest-accepted
            description: Every structural count but the funds at its limit.
            start: 2024Q1
            end: 2025Q4
            seed: 7
            population:
              firms: {{firms.ToString(CultureInfo.InvariantCulture)}}
              labs:
                - { kind: university, count: 1000000, basicWeight: 1.0, appliedWeight: 0.4 }
                - { kind: rd-institute, count: 1000000, basicWeight: 0.3, appliedWeight: 1.5 }
              funds:
                - { kind: venture, count: {{fundsPerGroup.ToString(CultureInfo.InvariantCulture)}}, capital: 10 }
                - { kind: guidance, count: {{fundsPerGroup.ToString(CultureInfo.InvariantCulture)}}, capital: 5 }
            clusters:

            """);
        for (int c = 0; c < 500; c++)
            text.Append(CultureInfo.InvariantCulture, $"  - {{ id: c{c}, kind: {(c % 2 == 0 ? "pillar" : "emerging")}, revenue: {10 + c % 50}, rdIntensity: 0.03 }}\n");
        text.Append("relatedness:\n  default: 0.1\nparameters:\n  publicBudget: 5\n" + parameters);
        return text.ToString();
    }

    private static async Task<(int Code, string Output, string Errors)> Validate(string root, string name, string text)
    {
        string path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return await Ecosim("validate", path);
    }

    [Fact]
    public async Task Funds_and_clusters_each_at_their_limit_are_refused_for_the_holdings_they_make_together()
    {
        string root = TestFiles.NewTempFolder();

        var refused = await Validate(root, "funds.yaml", World(2_000, 100_000));

        Assert.Equal(2, refused.Code);
        Assert.Contains(":12:5: population.funds: a run of this scenario would need about ", refused.Errors);
        Assert.Contains("by population: 200,000 funds 49.", refused.Errors);
    }

    [Fact]
    public async Task The_largest_world_is_accepted_and_a_few_more_firms_are_refused_with_the_estimate_apart_from_the_ceiling()
    {
        string root = TestFiles.NewTempFolder();

        var accepted = await Validate(root, "largest.yaml", World(LargestFirms, 10_000));
        var refused = await Validate(root, "over.yaml", World(LargestFirms + 200_000, 10_000));

        Assert.True(accepted.Code == 0, accepted.Errors);
        Assert.Contains("500 clusters, 11,400,000 firms", accepted.Output);
        Assert.Equal(2, refused.Code);
        // Rounded alike, "8.0 GiB, over the ceiling of 8.0 GiB" would read as no excess at all.
        Assert.Contains("would need about 8.02 GiB of memory, over the ceiling of 8.00 GiB (--max-memory)", refused.Errors);
    }

    [Fact]
    public async Task A_longer_holding_period_counts_in_the_estimate()
    {
        string root = TestFiles.NewTempFolder();

        var refused = await Validate(root, "held.yaml", World(LargestFirms, 10_000, "  holdingYears: 6\n"));

        Assert.Equal(2, refused.Code);
        Assert.Contains("population.funds: a run of this scenario would need about ", refused.Errors);
    }
}
