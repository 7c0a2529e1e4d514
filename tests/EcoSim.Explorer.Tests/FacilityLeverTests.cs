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
/// The large-facility lever: a scenario's <c>facility</c> event asked for through the API, checked by the scenario
/// language's own rules (a 400 naming the field and the range), built from its quarter, and in a branch acting only
/// from the branch's quarter on.
/// </summary>
public sealed class FacilityLeverTests
{
    private static FacilitySetting Observatory(string? from = null) =>
        new("Observatory", "precision-instruments", BuildYears: 1, OperationYears: 30, CostPerYear: 0.5, KnowledgeBoost: 2, From: from);

    [Fact]
    public async Task The_lever_offers_the_scenario_languages_keys_with_their_ranges_and_the_shipped_facility_as_its_proposal()
    {
        await using var server = await ExplorerServer.StartAsync();
        var info = await server.GetAsync<FacilityInfo>("api/facilities");
        Assert.Equal(FacilityKeys.Numbers.Select(k => (k.Name, k.Min, k.Max, k.Unit)), info.Fields.Select(f => (f.Name, f.Min, f.Max, f.Unit)));
        var shipped = ScenarioLibrary.Shipped.Find("large-science-facility.yaml")!.World;
        var facility = Assert.Single(shipped.Facilities);
        Assert.Equal(facility.Name, info.Name);
        Assert.Equal(shipped.Clusters[facility.Cluster].Id, info.Cluster);
        Assert.Equal(facility.BuildYears, info.Fields.Single(f => f.Name == "buildYears").Default);
        Assert.All(info.Fields, f => Assert.InRange(f.Default, f.SliderMin, f.SliderMax));
    }

    [Fact]
    public async Task A_run_with_a_facility_builds_it_from_its_quarter_in_its_host_cluster()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Facilities: [Observatory("2025Q1")]));
        Assert.Equal([Observatory("2025Q1")], run.Facilities);

        var world = server.Runs.Find(server.ClientSession, run.Id)!.Plan.Scenario.World;
        var built = Assert.Single(world.Facilities);
        Assert.Equal(new FacilitySpec("Observatory", QuarterBits.IndexOf(world, "precision-instruments"), 4, 1, 30, 0.5, 2), built);

        // Without a 'from' it is built from the run's second quarter, as a lever acts.
        var soon = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Facilities: [Observatory()]));
        Assert.Equal("2024Q2", Assert.Single(soon.Facilities).From);

        // The facility's history is the scenario's until its quarter, then its own.
        var with = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(8));
        var plain = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        var without = await server.PostAsync<RunHistory>($"api/runs/{plain.Id}/step", new StepRequest(8));
        Assert.Equal(4, QuarterBits.FirstDifference(without.Quarters, with.Quarters));
    }

    [Fact]
    public async Task A_name_is_text_however_it_is_written_and_cannot_become_a_key_of_the_scenario()
    {
        await using var server = await ExplorerServer.StartAsync();
        string name = "Lab \"A\": big\n      knowledgeBoost: 9 # 大科学装置";
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Facilities: [Observatory() with { Name = name }]));
        var facility = Assert.Single(run.Facilities);
        Assert.Equal(name, facility.Name);
        Assert.Equal(2, facility.KnowledgeBoost);
    }

    public static TheoryData<string, string, string> BadFacilities => new()
    {
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":60,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3}]}""", "facilities[0].buildYears", "[0, 50] yr" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":6,"operationYears":201,"costPerYear":0.5,"knowledgeBoost":0.3}]}""", "facilities[0].operationYears", "[0, 200] yr" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":-1,"knowledgeBoost":0.3}]}""", "facilities[0].costPerYear", "[0, 10000] bn yuan/yr" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":11}]}""", "facilities[0].knowledgeBoost", "[0, 10] share" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3}]}""", "facilities[0].buildYears", "is required" },
        { """{"facilities":[{"cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3}]}""", "facilities[0].name", "is required" },
        { """{"facilities":[{"name":"F","cluster":"atlantis","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3}]}""", "facilities[0].cluster", "unknown cluster 'atlantis'" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3,"from":"2051Q1"}]}""", "facilities[0].from", "outside 2024Q2..2050Q4" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3,"from":"2024Q1"}]}""", "facilities[0].from", "outside 2024Q2..2050Q4" },
        { """{"facilities":[{"name":"F","cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":0.3,"from":"later"}]}""", "facilities[0].from", "not a quarter" },
        // The second facility's mistake is named by its own place, after a first refused before the loader saw it.
        { """{"facilities":[{"name":"F","from":"2099Q1"},{"name":"G","cluster":"precision-instruments","buildYears":6,"operationYears":30,"costPerYear":0.5,"knowledgeBoost":99}]}""", "facilities[1].knowledgeBoost", "[0, 10]" },
        { """{"facilities":[null]}""", "facilities[0]", "expected a facility" },
    };

    [Theory]
    [MemberData(nameof(BadFacilities))]
    public async Task A_bad_facility_is_a_400_naming_the_field_and_the_allowed_range(string body, string field, string message)
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
    public async Task Many_seeds_take_the_facility_too_and_refuse_a_bad_one_by_the_same_rules()
    {
        await using var server = await ExplorerServer.StartAsync();
        var bad = await server.Client.PostAsJsonAsync("api/ensembles", new EnsembleRequest(ScenarioText: ExplorerServer.SmallScenario, Seeds: 2,
            Facilities: [Observatory() with { OperationYears = 500 }]), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("facilities[0].operationYears: value 500 is outside the allowed range [0, 200] yr", (await ExplorerServer.ErrorOf(bad)).Error);

        var ensemble = await server.PostAsync<EnsembleView>("api/ensembles", new EnsembleRequest(ScenarioText: ExplorerServer.SmallScenario, Seeds: 2, Facilities: [Observatory("2025Q1")]));
        var plan = Assert.IsType<LiveEnsemble>(server.Ensembles.Find(server.ClientSession, ensemble.Id)).Plan;
        Assert.Equal(4, Assert.Single(plan.Scenario.World.Facilities).StartTick);
        Assert.True((await server.Client.DeleteAsync($"api/ensembles/{ensemble.Id}")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_branch_with_a_facility_differs_from_its_parent_only_from_the_branch_quarter_and_is_a_run_with_that_facility_from_tick_0()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Seed: 5));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(5));

        // A facility may not start before the branch quarter: the shared history cannot change.
        var early = await server.Client.PostAsJsonAsync($"api/runs/{parent.Id}/branch", new BranchRequest(Facilities: [Observatory("2025Q1")]), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("facilities[0].from: 2025Q1 is outside 2025Q2..2026Q4", (await ExplorerServer.ErrorOf(early)).Error);

        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest(Facilities: [Observatory()]));
        Assert.Equal("2025Q2", Assert.Single(branch.Facilities).From);
        Assert.Empty(parent.Facilities);
        var branched = await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(4));
        var continued = await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(4));
        var mine = (await server.GetAsync<RunHistory>($"api/runs/{branch.Id}")).Quarters;
        var theirs = (await server.GetAsync<RunHistory>($"api/runs/{parent.Id}")).Quarters;
        Assert.Equal(9, mine.Count);
        Assert.Equal(5, QuarterBits.FirstDifference(theirs, mine));

        // The branch is, bit for bit, a run from tick 0 of the scenario with the facility from 2025Q2.
        var world = ScenarioLibrary.Shipped.LoadText(ExplorerServer.SmallScenario).WithSeed(5).World;
        world = world with { Facilities = [new FacilitySpec("Observatory", QuarterBits.IndexOf(world, "precision-instruments"), 5, 1, 30, 0.5, 2)] };
        Assert.Equal(QuarterBits.Of(new ReferenceEngine(world).Run().Take(9).Select(o => o.Rows)), QuarterBits.Of(mine));
    }
}
