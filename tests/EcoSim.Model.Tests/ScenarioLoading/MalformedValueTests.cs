using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// Malformed scenario values: each case changes one line of <see cref="TinyScenario"/> and expects exactly
/// one error at a known line and column (1-based, the start of the offending node), with its key path
/// and a message fragment. Columns are counted in the comments.
/// </summary>
public class MalformedValueTests
{
    public static TheoryData<string, int, string, int, int, string, string> Cases() => new()
    {
        // name, line replaced, replacement, expected line, column, key, message fragment

        // ---- unknown keys, with did-you-mean ----
        { "unknown top-level key", 14, "clusterz:", 14, 1, "clusterz", "unknown key; did you mean 'clusters'?" },
        { "unknown top-level key far from any", 2, "summary: x", 2, 1, "summary", "unknown key; allowed keys: name, description, extends" },
        { "unknown population key", 7, "  firm: 300", 7, 3, "population.firm", "did you mean 'firms'?" },
        { "unknown parameter, close", 23, "  basicShar: 0.2", 23, 3, "parameters.basicShar", "unknown parameter; did you mean 'basicShare'?" },
        { "unknown parameter, far", 23, "  foo: 1", 23, 3, "parameters.foo", "unknown parameter; see docs/MODEL.md" },
        { "unknown event parameter", 26, "    set: { minBasicShar: 0.3333 }", 26, 12, "events[0].set.minBasicShar", "did you mean 'minBasicShare'?" },

        // ---- out of range: the message names the range and the unit ----
        //   "  basicShare: 1.5": the value starts at column 15.
        { "parameter above range", 23, "  basicShare: 1.5", 23, 15, "parameters.basicShare", "value 1.5 is outside the allowed range [0, 1] share" },
        //   "  publicBudget: 20000": column 17.
        { "parameter range with unit", 23, "  publicBudget: 20000", 23, 17, "parameters.publicBudget", "value 20000 is outside the allowed range [0, 10000] bn yuan/yr" },
        { "parameter below range", 23, "  publicBudgetGrowth: -0.6", 23, 23, "parameters.publicBudgetGrowth", "outside the allowed range [-0.5, 0.5] 1/yr" },
        { "parameter infinite", 23, "  basicShare: 1e400", 23, 15, "parameters.basicShare", "value 1e400 is outside the allowed range [0, 1]" },
        //   "    set: { minBasicShare: 1.3333 }": column 27.
        { "event value out of range", 26, "    set: { minBasicShare: 1.3333 }", 26, 27, "events[0].set.minBasicShare", "outside the allowed range [0, 1] share" },
        //   "  firms: -5": column 10.
        { "negative firms", 7, "  firms: -5", 7, 10, "population.firms", "value -5 is outside the allowed range [1, 50000000]" },
        { "zero firms", 7, "  firms: 0", 7, 10, "population.firms", "outside the allowed range [1, 50000000]" },
        { "negative seed", 5, "seed: -1", 5, 7, "seed", "outside the allowed range [0, 9223372036854775807]" },
        //   "  - { id: alpha, kind: pillar, revenue: 0, ...": revenue value at column 41.
        { "cluster revenue out of range", 15, "  - { id: alpha, kind: pillar, revenue: 0, rdIntensity: 0.03 }", 15, 41, "clusters[0].revenue", "outside the allowed range [0.001, 1000000] bn yuan/yr" },
        //   "    - { kind: venture, count: 2, capital: -10 }": capital value at column 43.
        { "fund capital out of range", 12, "    - { kind: venture, count: 2, capital: -10 }", 12, 43, "population.funds[0].capital", "outside the allowed range [0, 1000000] bn yuan" },
        //   "  default: 2": column 12.
        { "relatedness default out of range", 19, "  default: 2", 19, 12, "relatedness.default", "value 2 is outside the allowed range [0, 1]" },
        //   "    - [alpha, beta, 1.6]": the value at column 21.
        { "relatedness out of [0,1]", 21, "    - [alpha, beta, 1.6]", 21, 21, "relatedness.pairs[0]", "value 1.6 is outside the allowed range [0, 1]" },
        { "relatedness negative", 21, "    - [alpha, beta, -0.1]", 21, 21, "relatedness.pairs[0]", "outside the allowed range [0, 1]" },

        // ---- wrong types ----
        { "text where a number is expected", 23, "  basicShare: high", 23, 15, "parameters.basicShare", "expected a number, found 'high'" },
        { "text where a whole number is expected", 5, "seed: seven", 5, 7, "seed", "expected a whole number, found 'seven'" },
        { "fraction where a whole number is expected", 7, "  firms: 300.5", 7, 10, "population.firms", "expected a whole number, found '300.5'" },
        { "list where a whole number is expected", 7, "  firms: [1, 2]", 7, 10, "population.firms", "expected a whole number, found a list" },
        { "list where text is expected", 1, "name: [a, b]", 1, 7, "name", "expected text, found a list" },
        { "empty value where text is expected", 1, "name:", 1, 6, "name", "expected text, found an empty value" },
        //   "parameters: [basicShare, 0.2]" and line 23 made a comment (below): the list at column 13.
        { "list where a mapping is expected", 22, "parameters: [basicShare, 0.2]\n# was basicShare", 22, 13, "parameters", "expected a mapping of keys to values, found a list" },
        { "mapping where a list is expected", 20, "  pairs: { alpha: beta }\n#", 20, 10, "relatedness.pairs", "expected a list, found a mapping" },
        { "scalar where a list item mapping is expected", 9, "    - university", 9, 7, "population.labs[0]", "expected a mapping of keys to values, found 'university'" },
        // ---- quoted values: YAML makes them text, so they are refused where a number is expected ----
        //   "  firms: \"300\"": the quoted value starts at column 10.
        { "quoted whole number", 7, "  firms: \"300\"", 7, 10, "population.firms", "expected a whole number, found the quoted text '300'; write it without quotes" },
        { "single-quoted seed", 5, "seed: '7'", 5, 7, "seed", "expected a whole number, found the quoted text '7'" },
        { "quoted number", 23, "  basicShare: \"0.2\"", 23, 15, "parameters.basicShare", "expected a number, found the quoted text '0.2'; write it without quotes" },
        //   "    set: { minBasicShare: '0.3333' }": column 27.
        { "quoted event value", 26, "    set: { minBasicShare: '0.3333' }", 26, 27, "events[0].set.minBasicShare", "found the quoted text '0.3333'" },
        //   "  - { id: alpha, kind: pillar, revenue: 1000, rdIntensity: 0.03, pipeline: \"true\" }": pipeline's value at column 76.
        { "quoted boolean", 15, "  - { id: alpha, kind: pillar, revenue: 1000, rdIntensity: 0.03, pipeline: \"true\" }", 15, 76, "clusters[0].pipeline", "expected true or false, found the quoted text 'true'" },
        { "malformed relatedness pair", 21, "    - [alpha, beta]", 21, 7, "relatedness.pairs[0]", "expected [cluster-id, cluster-id, value]" },

        // ---- periods and the horizon ----
        //   "start: 2024Q5": column 8.
        { "quarter 5", 3, "start: 2024Q5", 3, 8, "start", "expected a quarter like 2024Q1, found '2024Q5'" },
        { "two-digit year", 3, "start: 24Q1", 3, 8, "start", "found '24Q1'" },
        { "month instead of quarter", 3, "start: 2024-01", 3, 8, "start", "found '2024-01'" },
        { "quarter 0", 4, "end: 2026Q0", 4, 6, "end", "found '2026Q0'" },
        //   2024Q1..2225Q1 is 201 * 4 + 1 = 805 quarters > 800.
        { "horizon too long", 4, "end: 2225Q1", 4, 6, "end", "horizon of 201.25 years (805 quarters) is longer than the 200 years allowed" },
        //   The event's value node (column 27 of line 26) carries the error.
        { "event after the horizon", 25, "  - at: 2030Q1", 26, 27, "events[0].set.minBasicShare", "event date 2030Q1 is outside the horizon 2024Q1..2026Q4" },
        { "event before the start", 25, "  - at: 2023Q4", 26, 27, "events[0].set.minBasicShare", "event date 2023Q4 is outside the horizon" },
        { "event date malformed", 25, "  - at: 2025Q7", 25, 9, "events[0].at", "expected a quarter like 2024Q1, found '2025Q7'" },

        // ---- events ----
        //   The event mapping starts after "  - " at column 5.
        { "event with both set and ramp", 26, "    set: { minBasicShare: 0.3333 }\n    ramp: { parameter: basicShare, to: 0.3, until: 2026Q1 }", 25, 5, "events[0]", "an event needs exactly one of 'set', 'ramp', 'facility', 'demandShock', 'rdSubsidy', 'talentProgramme', 'guidanceFundInjection'" },
        { "event with neither set nor ramp", 26, "    # nothing to do", 25, 5, "events[0]", "an event needs exactly one of 'set', 'ramp', 'facility', 'demandShock', 'rdSubsidy', 'talentProgramme', 'guidanceFundInjection'" },
        { "event without a date", 25, "  - set: { minBasicShare: 0.3333 }\n    # no date", 25, 5, "events[0].at", "is required: the quarter the event happens" },
        //   "    ramp: { ...": the ramp mapping starts at column 11.
        { "ramp without until", 26, "    ramp: { parameter: basicShare, to: 0.3 }", 26, 11, "events[0].ramp.until", "is required: the quarter the ramp reaches its value" },
        //   "    ramp: { parameter: basicShare, to: 0.3, until: 2024Q4 }": until's value at column 52.
        { "ramp until before at", 26, "    ramp: { parameter: basicShare, to: 0.3, until: 2024Q4 }", 26, 52, "events[0].ramp.until", "must be after the event's 'at' (2025Q1)" },
        { "ramp until equal to at", 26, "    ramp: { parameter: basicShare, to: 0.3, until: 2025Q1 }", 26, 52, "events[0].ramp.until", "must be after the event's 'at' (2025Q1)" },
        { "ramp until after the horizon", 26, "    ramp: { parameter: basicShare, to: 0.3, until: 2030Q1 }", 26, 11, "events[0].ramp", "ramp end 2030Q1 is outside the horizon 2024Q1..2026Q4" },
        //   "    ramp: { parameter: basicShar, ...": the parameter's value at column 24.
        { "ramp of an unknown parameter", 26, "    ramp: { parameter: basicShar, to: 0.3, until: 2026Q1 }", 26, 24, "events[0].ramp.parameter", "did you mean 'basicShare'?" },
        { "ramp target out of range", 26, "    ramp: { parameter: basicShare, to: 3, until: 2026Q1 }", 26, 40, "events[0].ramp.to", "outside the allowed range [0, 1] share" },

        // ---- clusters and kinds ----
        //   "    - [alpha, delta, 0.6]": the pair starts at column 7.
        { "unknown cluster in relatedness pair", 21, "    - [alpha, delta, 0.6]", 21, 7, "relatedness.pairs[0]", "unknown cluster 'delta'; did you mean 'beta'? (known: alpha, beta, gamma)" },
        { "unknown cluster far from every id", 21, "    - [alpha, omega, 0.6]", 21, 7, "relatedness.pairs[0]", "unknown cluster 'omega'; known: alpha, beta, gamma" },
        { "misspelt cluster in relatedness pair", 21, "    - [alpha, gama, 0.6]", 21, 7, "relatedness.pairs[0]", "unknown cluster 'gama'; did you mean 'gamma'? (known: alpha, beta, gamma)" },
        { "relatedness of a cluster to itself", 21, "    - [beta, beta, 0.6]", 21, 7, "relatedness.pairs[0]", "a cluster's relatedness to itself is always 1" },
        //   The third cluster's mapping starts at column 5.
        { "duplicate cluster id", 17, "  - { id: alpha, kind: pillar, revenue: 600, rdIntensity: 0.01 }", 17, 5, "clusters[2]", "cluster id 'alpha' is used twice" },
        //   "  - { id: alpha, kind: core, ...": kind's value at column 24.
        { "unknown cluster kind", 15, "  - { id: alpha, kind: core, revenue: 1000, rdIntensity: 0.03 }", 15, 24, "clusters[0].kind", "'core' is not one of: pillar, emerging" },
        //   "    - { kind: college, ...": kind's value at column 15.
        { "unknown lab kind", 9, "    - { kind: college, count: 4, basicWeight: 1.0, appliedWeight: 0.4 }", 9, 15, "population.labs[0].kind", "'college' is not one of: university, provincial-lab, national-lab, rd-institute" },
        { "misspelt lab kind", 9, "    - { kind: univercity, count: 4, basicWeight: 1.0, appliedWeight: 0.4 }", 9, 15, "population.labs[0].kind", "rd-institute; did you mean 'university'?" },
        { "unknown fund kind", 12, "    - { kind: angel, count: 2, capital: 10 }", 12, 15, "population.funds[0].kind", "'angel' is not one of: venture, guidance, bank" },
        { "missing cluster key", 15, "  - { id: alpha, kind: pillar, revenue: 1000 }", 15, 5, "clusters[0].rdIntensity", "is required" },
        { "missing lab key", 10, "    - { kind: rd-institute, basicWeight: 0.3, appliedWeight: 1.5 }", 10, 7, "population.labs[1].count", "is required" },

        // ---- required top-level keys (reported at the root mapping, which starts at the first key) ----
        { "missing name", 1, "# no name", 2, 1, "name", "is required (a short name)" },
        { "missing seed", 5, "# no seed", 1, 1, "seed", "is required (a whole number)" },
        { "missing start", 3, "# no start", 1, 1, "start", "is required (first quarter, e.g. 2024Q1)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_value_is_reported_at_its_place(string name, int line, string replacement, int expectedLine, int expectedColumn, string key, string fragment)
    {
        using var folder = new TempFolder();
        string text = TinyScenario.WithLine(line, replacement);
        // Multi-line replacements replace following lines too, keeping the line count.
        int extra = replacement.Count(c => c == '\n');
        if (extra > 0)
        {
            var lines = text.Split('\n').ToList();
            lines.RemoveRange(line + extra, extra);
            text = string.Join('\n', lines);
        }
        Assert.Equal(TinyScenario.Text.Count(c => c == '\n'), text.Count(c => c == '\n'));
        string path = folder.Write(name.Replace(' ', '-').Replace(',', '_') + ".yaml", text);
        TinyScenario.AssertSingleError(path, expectedLine, expectedColumn, key, fragment);
    }
}

/// <summary>Did-you-mean hints name the closest allowed key.</summary>
public class DidYouMeanTests
{
    [Fact]
    public void Hint_names_the_closest_key()
    {
        using var folder = new TempFolder();
        string path = folder.Write("sed.yaml", TinyScenario.WithLine(5, "sed: 7"));
        var e = TinyScenario.Fails(path);
        // 'sed' is 1 from 'seed' and 2 from 'end', which comes first in the list of allowed keys.
        TinyScenario.AssertError(e.Errors.Single(x => x.Key == "sed"), path, 5, 1, "sed", "unknown key; did you mean 'seed'?");
    }

    [Fact]
    public void Hint_ties_go_to_the_key_listed_first()
    {
        // 'eed' is 1 from 'end' and 1 from 'seed'; 'end' comes first in the list of allowed keys.
        using var folder = new TempFolder();
        string path = folder.Write("eed.yaml", TinyScenario.WithLine(5, "eed: 7"));
        TinyScenario.AssertError(TinyScenario.Fails(path).Errors.Single(x => x.Key == "eed"), path, 5, 1, "eed", "unknown key; did you mean 'end'?");
    }

    [Fact]
    public void Parameter_hint_names_the_closest_parameter()
    {
        // DidYouMean orders by distance: 'basicshar' is 1 from basicShare, 2+ from minBasicShare.
        using var folder = new TempFolder();
        string path = folder.Write("p.yaml", TinyScenario.WithLine(23, "  basicShar: 0.2"));
        TinyScenario.AssertSingleError(path, 23, 3, "parameters.basicShar", "did you mean 'basicShare'?");
        Assert.Equal("basicShare", EcoSim.Scenarios.DidYouMean.Candidates("basicshar", EcoSim.Model.Parameters.ParameterCatalog.All.Select(s => s.Name)).First());
    }
}
