using System.Net;
using System.Net.Http.Json;
using System.Text;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Runs;

namespace EcoSim.Explorer.Tests;

/// <summary>Bad input is refused with a 4xx whose message names the field and what is allowed, and starts nothing.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string> BadStarts => new()
    {
        { """{"levers":[{"name":"noSuchLever","value":1}]}""", "levers[0].name", "unknown parameter 'noSuchLever'" },
        { """{"levers":[{"name":"minBasicShare","value":1.5}]}""", "levers[0].value", "outside its allowed range [0, 1] (share)" },
        { """{"levers":[{"name":"minBasicShare","value":-0.1}]}""", "levers[0].value", "outside its allowed range [0, 1]" },
        { """{"levers":[{"name":"publicBudgetGrowth","value":0.9}]}""", "levers[0].value", "[-0.5, 0.5]" },
        { """{"levers":[{"name":"minBasicShare","value":0.3,"from":"2051Q1"}]}""", "levers[0].from", "outside 2024Q2..2050Q4" },
        { """{"levers":[{"name":"minBasicShare","value":0.3,"from":"2024Q1"}]}""", "levers[0].from", "outside 2024Q2..2050Q4" },
        { """{"levers":[{"name":"minBasicShare","value":0.3,"from":"soon"}]}""", "levers[0].from", "not a quarter such as 2024Q2" },
        { """{"levers":[{"name":"initialWage","value":250}]}""", "levers[0].name", "sets up the start" },
        { """{"levers":[{"name":"minBasicShare","value":0.3},{"name":"talentWeight","value":500}]}""", "levers[1].value", "[0, 100]" },
        { """{"scenario":"../../etc/passwd"}""", "scenario", "no shipped scenario '../../etc/passwd'" },
        { """{"scenario":"nope.yaml"}""", "scenario", "the scenarios are guangdong-baseline.yaml" },
        { """{"scenarioText":"name: x\nextends: guangdong-baseline.yaml\nend: 2020Q1\n"}""", "scenarioText", "end" },
        { """{"scenarioText":"name: [unclosed\n"}""", "scenarioText", "pasted.yaml:2:1: not valid YAML" },
        { """{"scenarioText":"name: x\nextends: /etc/hostname\n"}""", "scenarioText", "not among the recorded files" },
        { """{"scenarioText":"name: x\nextends: guangdong-baseline.yaml\npopulation:\n  firms: 2000000000\n"}""", "scenarioText", "firms" },
        { """{"firms":0}""", "firms", "firms 0 is outside 1..300,000" },
        { """{"firms":300001}""", "firms", "firms 300,001 is outside 1..300,000" },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public async Task A_bad_start_is_a_400_naming_the_field(string body, string field, string message)
    {
        await using var server = await ExplorerServer.StartAsync();
        var response = await server.Client.PostAsync("api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ExplorerServer.ErrorOf(response));
        var problem = Assert.Single(error.Problems!, p => p.Field == field);
        Assert.Contains(message, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await server.GetAsync<RunView[]>("api/runs"));
    }

    public static TheoryData<string> Malformed => new()
    {
        "{",
        "not json",
        """{"levers":[{"name":"minBasicShare","value":"a third"}]}""",
        """{"seed":-1}""",
        """{"levers":{"name":"minBasicShare"}}""",
        """{"seed":1.5}""",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_body_that_is_not_the_requests_json_is_a_400_in_plain_words(string body)
    {
        await using var server = await ExplorerServer.StartAsync();
        var response = await server.Client.PostAsync("api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ExplorerServer.ErrorOf(response));
        Assert.StartsWith("the request body is not valid", error.Error);
        Assert.DoesNotContain("System.", error.Error);
        Assert.DoesNotContain("EcoSim.", error.Error);
        Assert.Empty(await server.GetAsync<RunView[]>("api/runs"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        await using var server = await ExplorerServer.StartAsync(new ExplorerLimits(MaxRequestBytes: 4096));
        string huge = "{\"scenarioText\":\"" + new string('#', 10_000) + "\"}";
        var response = await server.Client.PostAsync("api/runs", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await server.GetAsync<RunView[]>("api/runs"));
    }

    [Theory]
    [InlineData(0, "quarters 0 is outside 1..400")]
    [InlineData(-3, "quarters -3 is outside 1..400")]
    [InlineData(401, "quarters 401 is outside 1..400")]
    public async Task A_step_of_a_bad_size_is_refused(int quarters, string message)
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        var response = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/step", new StepRequest(quarters), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await ExplorerServer.ErrorOf(response)).Error);
        Assert.Equal(0, (await server.GetAsync<RunHistory>($"api/runs/{run.Id}")).Run.Quarters);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5000)]
    public async Task A_bad_speed_is_refused(double speed)
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        var response = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/play", new PlayRequest(speed), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("speed", Assert.Single((await ExplorerServer.ErrorOf(response)).Problems!).Field);
        Assert.Equal(RunStatus.Paused, (await server.GetAsync<RunHistory>($"api/runs/{run.Id}")).Run.Status);
    }

    [Theory]
    [InlineData("firm:0:99999999", "entity")]
    [InlineData("lab:100000", "entity")]
    [InlineData("dragon:1", "entity")]
    [InlineData("", "entity")]
    public async Task A_bad_agent_is_refused_with_the_allowed_range(string entity, string field)
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(1));
        var response = await server.Client.GetAsync($"api/runs/{run.Id}/inspect?entity={Uri.EscapeDataString(entity)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await ExplorerServer.ErrorOf(response)).Problems!);
        Assert.Equal(field, problem.Field);
        Assert.DoesNotContain("Parameter '", problem.Message);
    }

    [Fact]
    public async Task A_branch_with_a_bad_lever_is_refused_and_makes_nothing()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(4));
        var response = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/branch", new { levers = new[] { new { name = "talentWeight", value = 0.5, from = "2024Q2" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await ExplorerServer.ErrorOf(response)).Problems!);
        Assert.Equal("levers[0].from", problem.Field);
        Assert.Contains("outside 2025Q1..2026Q4", problem.Message);
        Assert.Single(await server.GetAsync<RunView[]>("api/runs"));
    }
}
