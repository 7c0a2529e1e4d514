using System.Net;
using System.Net.Http.Json;
using System.Text;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Engine;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// The talent-programme lever: a scenario's <c>talentProgramme</c> event asked for through the API, checked by the
/// scenario language's own rules (a 400 naming the field and the range), recruiting from its quarter to its end, and in a
/// branch acting only from the branch's quarter on.
/// </summary>
public sealed class TalentProgrammeLeverTests
{
    private static TalentProgrammeSetting Recruiting(string? from = null, string? until = null) =>
        new("biomedicine", ResearchersPerYear: 50_000, From: from, Until: until);

    [Fact]
    public async Task The_lever_offers_the_scenario_languages_key_with_its_range_and_a_proposal_the_loader_accepts()
    {
        await using var server = await ExplorerServer.StartAsync();
        var info = await server.GetAsync<TalentProgrammeInfo>("api/talent-programmes");
        var field = Assert.Single(info.Fields);
        var key = TalentProgrammeKeys.ResearchersPerYear;
        Assert.Equal((key.Name, key.Min, key.Max, key.Unit), (field.Name, field.Min, field.Max, field.Unit));
        Assert.InRange(field.Default, field.SliderMin, field.SliderMax);

        // The proposal, sent as it is, starts a run of the default scenario.
        var run = await server.StartRunAsync(new StartRequest(Scenario: "guangdong-baseline.yaml", Firms: 2000,
            TalentProgrammes: [new(info.Cluster, field.Default, info.From, info.Until)]));
        Assert.Equal([new TalentProgrammeSetting(info.Cluster, field.Default, info.From, info.Until)], run.TalentProgrammes);
    }

    [Fact]
    public async Task A_run_with_a_programme_recruits_into_its_cluster_from_its_quarter_to_its_end()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, TalentProgrammes: [Recruiting("2025Q1", "2026Q1")]));
        Assert.Equal([Recruiting("2025Q1", "2026Q1")], run.TalentProgrammes);
        Assert.Empty(run.Facilities);

        var world = server.Runs.Find(server.ClientSession, run.Id)!.Plan.Scenario.World;
        Assert.Equal(new ClusterShock(ShockKind.TalentProgramme, QuarterBits.IndexOf(world, "biomedicine"), 4, 8, 50_000), Assert.Single(world.Shocks));

        // Without 'from' it starts in the run's second quarter; without 'until' it recruits to the horizon's end.
        var soon = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, TalentProgrammes: [Recruiting()]));
        Assert.Equal(Recruiting("2024Q2"), Assert.Single(soon.TalentProgrammes));
        Assert.Equal(world.Ticks, Assert.Single(server.Runs.Find(server.ClientSession, soon.Id)!.Plan.Scenario.World.Shocks).EndTick);

        // Its history is the scenario's until its quarter, then its own.
        var with = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(8));
        var plain = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        var without = await server.PostAsync<RunHistory>($"api/runs/{plain.Id}/step", new StepRequest(8));
        Assert.Equal(4, QuarterBits.FirstDifference(without.Quarters, with.Quarters));
    }

    [Fact]
    public async Task A_programme_comes_after_the_scenarios_own_shocks_and_beside_a_facility_and_the_run_still_reproduces()
    {
        await using var server = await ExplorerServer.StartAsync();
        string text = ExplorerServer.SmallScenario + """

            events:
              - at: 2025Q1
                demandShock: { cluster: semiconductors, change: -0.2, until: 2026Q1 }
            """;
        var facility = new FacilitySetting("Observatory", "precision-instruments", 1, 30, 0.5, 2, "2025Q2");
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: text, Facilities: [facility], TalentProgrammes: [Recruiting("2025Q3")]));
        Assert.Equal([Recruiting("2025Q3")], run.TalentProgrammes);
        Assert.Equal([facility], run.Facilities);

        var world = server.Runs.Find(server.ClientSession, run.Id)!.Plan.Scenario.World;
        Assert.Equal([ShockKind.Demand, ShockKind.TalentProgramme], world.Shocks.Select(s => s.Kind));
        await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(2));
        // The reproducing file is checked, when it is made, to describe exactly this world; it holds the scenario's shock once.
        var recipe = await server.GetAsync<RunRecipe>($"api/runs/{run.Id}/recipe?plots=false");
        Assert.Contains("talentProgramme:", recipe.ScenarioText);
        Assert.Contains("facility:", recipe.ScenarioText);
        Assert.DoesNotContain("demandShock", recipe.ScenarioText);
    }

    public static TheoryData<string, string, string> BadProgrammes => new()
    {
        { """{"talentProgrammes":[{"cluster":"biomedicine","researchersPerYear":20000000}]}""", "talentProgrammes[0].researchersPerYear", "[0, 10000000] researchers/yr" },
        { """{"talentProgrammes":[{"cluster":"biomedicine","researchersPerYear":-1}]}""", "talentProgrammes[0].researchersPerYear", "[0, 10000000] researchers/yr" },
        { """{"talentProgrammes":[{"cluster":"biomedicine"}]}""", "talentProgrammes[0].researchersPerYear", "is required" },
        { """{"talentProgrammes":[{"researchersPerYear":2000}]}""", "talentProgrammes[0].cluster", "is required" },
        { """{"talentProgrammes":[{"cluster":"atlantis","researchersPerYear":2000}]}""", "talentProgrammes[0].cluster", "unknown cluster 'atlantis'" },
        { """{"talentProgrammes":[{"cluster":"biomedicine","researchersPerYear":2000,"from":"2030Q1","until":"2029Q1"}]}""", "talentProgrammes[0].until", "must be after the event's 'at' (2030Q1)" },
        { """{"talentProgrammes":[{"cluster":"biomedicine","researchersPerYear":2000,"until":"soon"}]}""", "talentProgrammes[0].until", "expected a quarter" },
        { """{"talentProgrammes":[{"cluster":"biomedicine","researchersPerYear":2000,"from":"2024Q1"}]}""", "talentProgrammes[0].from", "outside 2024Q2..2050Q4" },
        { """{"talentProgrammes":[{"cluster":"biomedicine","researchersPerYear":2000,"from":"later"}]}""", "talentProgrammes[0].from", "not a quarter" },
        // The second programme's mistake is named by its own place, after a first refused before the loader saw it.
        { """{"talentProgrammes":[{"from":"2099Q1"},{"cluster":"biomedicine","researchersPerYear":1e9}]}""", "talentProgrammes[1].researchersPerYear", "[0, 10000000]" },
        { """{"talentProgrammes":[null]}""", "talentProgrammes[0]", "expected a talent programme" },
    };

    [Theory]
    [MemberData(nameof(BadProgrammes))]
    public async Task A_bad_programme_is_a_400_naming_the_field_and_the_allowed_range(string body, string field, string message)
    {
        await using var server = await ExplorerServer.StartAsync();
        var response = await server.Client.PostAsync("api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ExplorerServer.ErrorOf(response));
        var problem = Assert.Single(error.Problems!, p => p.Field == field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{field}: ", error.Error, StringComparison.Ordinal);
        Assert.Empty(await server.GetAsync<RunView[]>("api/runs"));
    }

    [Fact]
    public async Task Many_seeds_take_the_programme_too_and_refuse_a_bad_one_by_the_same_rules()
    {
        await using var server = await ExplorerServer.StartAsync();
        var bad = await server.Client.PostAsJsonAsync("api/ensembles", new EnsembleRequest(ScenarioText: ExplorerServer.SmallScenario, Seeds: 2,
            TalentProgrammes: [Recruiting() with { Cluster = "atlantis" }]), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("talentProgrammes[0].cluster: unknown cluster 'atlantis'", (await ExplorerServer.ErrorOf(bad)).Error);

        var ensemble = await server.PostAsync<EnsembleView>("api/ensembles", new EnsembleRequest(ScenarioText: ExplorerServer.SmallScenario, Seeds: 2,
            TalentProgrammes: [Recruiting("2025Q1")]));
        var plan = Assert.IsType<LiveEnsemble>(server.Ensembles.Find(server.ClientSession, ensemble.Id)).Plan;
        Assert.Equal(4, Assert.Single(plan.Scenario.World.Shocks).StartTick);
        Assert.True((await server.Client.DeleteAsync($"api/ensembles/{ensemble.Id}")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_branch_with_a_programme_equals_its_parent_before_the_branch_quarter_and_is_a_run_with_that_programme_from_tick_0()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Seed: 5));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(5));

        // A programme may not start before the branch quarter: the shared history cannot change.
        var early = await server.Client.PostAsJsonAsync($"api/runs/{parent.Id}/branch", new BranchRequest(TalentProgrammes: [Recruiting("2025Q1")]), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("talentProgrammes[0].from: 2025Q1 is outside 2025Q2..2026Q4", (await ExplorerServer.ErrorOf(early)).Error);

        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest(TalentProgrammes: [Recruiting()]));
        Assert.Equal("2025Q2", Assert.Single(branch.TalentProgrammes).From);
        Assert.Empty(parent.TalentProgrammes);
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(4));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(4));
        var mine = (await server.GetAsync<RunHistory>($"api/runs/{branch.Id}")).Quarters;
        var theirs = (await server.GetAsync<RunHistory>($"api/runs/{parent.Id}")).Quarters;
        Assert.Equal(9, mine.Count);
        Assert.Equal(5, QuarterBits.FirstDifference(theirs, mine));

        // The branch is, bit for bit, a run from tick 0 of the scenario with the programme from 2025Q2.
        var world = ScenarioLibrary.Shipped.LoadText(ExplorerServer.SmallScenario).WithSeed(5).World;
        world = world with { Shocks = [new ClusterShock(ShockKind.TalentProgramme, QuarterBits.IndexOf(world, "biomedicine"), 5, world.Ticks, 50_000)] };
        Assert.Equal(QuarterBits.Of(new ReferenceEngine(world).Run().Take(9).Select(o => o.Rows)), QuarterBits.Of(mine));
    }
}
