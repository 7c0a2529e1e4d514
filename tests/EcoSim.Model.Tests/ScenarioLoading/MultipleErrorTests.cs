using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>A file with several problems reports all of them in one <see cref="ScenarioException"/>.</summary>
public class MultipleErrorTests
{
    private static string Text(params (int Line, string Replacement)[] changes)
    {
        var lines = TinyScenario.Text.Split('\n');
        foreach (var (line, replacement) in changes) lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        using var folder = new TempFolder();
        string path = folder.Write("many.yaml", Text(
            (2, "descripton: typo"),                                                       // unknown key
            (5, "seed: seven"),                                                            // not a whole number
            (9, "    - { kind: college, count: 4, basicWeight: 1.0, appliedWeight: 0.4 }"), // unknown lab kind
            (16, "  - { id: beta, kind: emerging, revenue: -300, rdIntensity: 0.06 }"),     // out of range
            (23, "  basicShare: 1.5")));                                                   // out of range
        var e = TinyScenario.Fails(path);
        var byKey = e.Errors.ToDictionary(x => x.Key);
        Assert.Equal(5, e.Errors.Count);
        TinyScenario.AssertError(byKey["descripton"], path, 2, 1, "descripton", "did you mean 'description'?");
        TinyScenario.AssertError(byKey["seed"], path, 5, 7, "seed", "expected a whole number, found 'seven'");
        TinyScenario.AssertError(byKey["population.labs[0].kind"], path, 9, 15, "population.labs[0].kind", "'college' is not one of");
        TinyScenario.AssertError(byKey["clusters[1].revenue"], path, 16, 42, "clusters[1].revenue", "value -300 is outside the allowed range [0.001, 1000000] bn yuan/yr");
        TinyScenario.AssertError(byKey["parameters.basicShare"], path, 23, 15, "parameters.basicShare", "value 1.5 is outside");
        // The exception's message lists them all, one per line, as file:line:column: key: message.
        foreach (var error in e.Errors) Assert.Contains(error.ToString(), e.Message);
        Assert.Contains($"{path}:23:15: parameters.basicShare: value 1.5", e.Message);
        // Validate returns the same list instead of throwing.
        Assert.Equal(e.Errors, ScenarioLoader.Validate(path));
    }

    [Fact]
    public void Whole_scenario_checks_report_every_problem_at_once()
    {
        // Checks made after parsing: start after end, duplicate cluster, unknown cluster in a pair, missing name.
        using var folder = new TempFolder();
        string path = folder.Write("checks.yaml", Text(
            (1, "# no name"),
            (3, "start: 2027Q1"),
            (17, "  - { id: alpha, kind: pillar, revenue: 600, rdIntensity: 0.01 }"),
            (21, "    - [alpha, delta, 0.6]")));
        var e = TinyScenario.Fails(path);
        var byKey = e.Errors.ToLookup(x => x.Key);
        TinyScenario.AssertError(byKey["name"].Single(), path, 2, 1, "name", "is required (a short name)");
        TinyScenario.AssertError(byKey["end"].Single(), path, 4, 6, "end", "must not be before start (2027Q1)");
        TinyScenario.AssertError(byKey["clusters[2]"].Single(), path, 17, 5, "clusters[2]", "cluster id 'alpha' is used twice");
        TinyScenario.AssertError(byKey["relatedness.pairs[0]"].Single(), path, 21, 7, "relatedness.pairs[0]", "unknown cluster 'delta'");
        // With start after end the horizon is empty, so the event is outside it too.
        TinyScenario.AssertError(byKey["events[0].set.minBasicShare"].Single(), path, 26, 27, "events[0].set.minBasicShare", "event date 2025Q1 is outside the horizon 2027Q1..2026Q4");
        Assert.Equal(5, e.Errors.Count);
    }

    [Fact]
    public void Unknown_event_key_is_reported_with_the_missing_set()
    {
        using var folder = new TempFolder();
        string path = folder.Write("event.yaml", Text((26, "    sett: { minBasicShare: 0.3333 }")));
        var e = TinyScenario.Fails(path);
        Assert.Equal(2, e.Errors.Count);
        TinyScenario.AssertError(e.Errors.Single(x => x.Key == "events[0]"), path, 25, 5, "events[0]", "an event needs exactly one of 'set', 'ramp', 'facility', 'demandShock', 'rdSubsidy', 'talentProgramme', 'guidanceFundInjection'");
        TinyScenario.AssertError(e.Errors.Single(x => x.Key == "events[0].sett"), path, 26, 5, "events[0].sett", "unknown key; did you mean 'set'?");
    }

    [Fact]
    public void Missing_clusters_is_reported_with_the_pairs_that_name_them()
    {
        using var folder = new TempFolder();
        string path = folder.Write("no-clusters.yaml", Text((14, "# no clusters"), (15, "#"), (16, "#"), (17, "#")));
        var e = TinyScenario.Fails(path);
        TinyScenario.AssertError(e.Errors.Single(x => x.Key == "clusters"), path, 1, 1, "clusters", "is required (at least one cluster)");
        TinyScenario.AssertError(e.Errors.Single(x => x.Key == "relatedness.pairs[0]"), path, 21, 7, "relatedness.pairs[0]", "unknown cluster 'alpha'; known: ");
        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public void Errors_are_listed_in_file_order()
    {
        using var folder = new TempFolder();
        string path = folder.Write("order.yaml", Text((1, "nam: tiny"), (23, "  basicShare: 1.5")));
        var e = TinyScenario.Fails(path);
        // Checked in another order (the unknown key last), listed by line.
        Assert.Equal([1, 23], e.Errors.Select(x => x.Line));
        Assert.Equal(e.Errors.OrderBy(x => x.Line).ThenBy(x => x.Column), e.Errors);
    }

    [Fact]
    public void Whole_scenario_errors_are_listed_in_file_order_too()
    {
        // 'end' moved to the bottom (line 27) and before start: checked first (end, then the pair, then
        // the event), listed by line.
        using var folder = new TempFolder();
        string path = folder.Write("order.yaml", Text((3, "start: 2027Q1"), (4, "# end is below"), (21, "    - [alpha, delta, 0.6]")) + "end: 2026Q4\n");
        var e = TinyScenario.Fails(path);
        Assert.Equal([(21, "relatedness.pairs[0]"), (26, "events[0].set.minBasicShare"), (27, "end")], e.Errors.Select(x => (x.Line, x.Key)));
    }
}
