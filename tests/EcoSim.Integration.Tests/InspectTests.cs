using EcoSim.Experiments.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;

namespace EcoSim.Integration.Tests;

/// <summary>
/// Inspection of a paused run: the Orleans engine reads each kind of agent from the grain that holds
/// it and reports exactly what the reference engine's arrays hold; bad requests name what is allowed.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class InspectTests(TestClusterFixture fixture)
{
    public static TheoryData<string, int, int> Agents => new()
    {
        { "firm:0:0", 64, 256 }, { "firm:3:117", 64, 256 }, { "firm:2:40", 4096, 256 }, { "lab:0", 64, 256 }, { "lab:9", 4096, 1 },
        { "lab:11", 64, 2 }, { "fund:0", 64, 256 }, { "fund:2", 4096, 256 }, { "talent:1", 64, 256 },
    };

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task Orleans_reports_the_reference_engines_state_of_any_agent(string text, int firmsPerShard, int labsPerShard)
    {
        Assert.True(EntityRef.TryParse(text, out var entity));
        var world = TestFiles.LoadSmall().World;
        await using var orleans = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), firmsPerShard, labsPerShard: labsPerShard);
        var fromGrains = await orleans.InspectAsync(world, 5, entity, CancellationToken.None);
        var reference = new ReferenceEngine(world);
        for (int t = 0; t < 5; t++) reference.Step();
        var fromArrays = reference.Inspect(entity);

        Assert.Equal(fromArrays.Description, fromGrains.Description);
        Assert.Equal(5, fromGrains.Ticks);
        Assert.Equal(fromArrays.Fields, fromGrains.Fields);
        Assert.True(fromGrains.Fields.Count >= 4);
    }

    [Fact]
    public async Task The_state_moves_with_the_ticks()
    {
        var world = TestFiles.LoadSmall().World;
        await using var orleans = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), 64);
        var early = await orleans.InspectAsync(world, 1, EntityRef.Lab(3), CancellationToken.None);
        var late = await orleans.InspectAsync(world, 6, EntityRef.Lab(3), CancellationToken.None);
        Assert.NotEqual(early.Fields.Single(f => f.Name == "knowledge").Value, late.Fields.Single(f => f.Name == "knowledge").Value);
    }

    [Theory]
    [InlineData("firm:4:0", "clusters are 0..3")]
    [InlineData("firm:1:100000", "cluster 1 has firms 0..")]
    [InlineData("lab:100000", "labs are 0..")]
    [InlineData("fund:99", "funds are 0..")]
    [InlineData("talent:7", "clusters are 0..3")]
    public async Task An_agent_the_run_does_not_have_is_refused_with_the_allowed_range(string text, string allowed)
    {
        Assert.True(EntityRef.TryParse(text, out var entity));
        var world = TestFiles.LoadSmall().World;
        await using var orleans = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), 64);
        var fromGrains = await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => orleans.InspectAsync(world, 2, entity, CancellationToken.None));
        Assert.Contains(allowed, fromGrains.Message);
        var reference = new ReferenceEngine(world);
        reference.Step();
        Assert.Contains(allowed, Assert.Throws<ArgumentOutOfRangeException>(() => reference.Inspect(entity)).Message);
    }

    [Theory]
    [InlineData("firm:3", true)]
    [InlineData("firm:-1:2", true)]
    [InlineData("lab", true)]
    [InlineData("lab:1:2", true)]
    [InlineData("planet:1", true)]
    [InlineData("fund:x", true)]
    [InlineData("talent:99999999999", true)]
    [InlineData("FIRM:1:2", false)]
    [InlineData(" talent:0 ", false)]
    public void Entity_forms_are_read_strictly(string text, bool malformed)
    {
        Assert.Equal(!malformed, EntityRef.TryParse(text, out var entity));
        if (!malformed) Assert.True(EntityRef.TryParse(entity.ToString(), out var again) && again == entity);
    }
}

/// <summary><c>ecosim inspect</c> as a user meets it.</summary>
public sealed class InspectCliTests
{
    [Fact]
    public async Task Inspect_prints_a_labs_state_table()
    {
        var (code, output, errors) = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, "lab:2", "--tick", "3", "--engine", "reference");
        Assert.True(code == 0, errors);
        Assert.Contains("lab:2:", output);
        Assert.Contains("after 3 ticks", output);
        Assert.Contains("knowledge", output);
        Assert.Contains("basic-knowledge stock", output);
    }

    [Fact]
    public async Task Inspect_writes_json_on_request()
    {
        var (code, output, errors) = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, "talent:0", "--tick", "2", "--engine", "reference", "--json");
        Assert.True(code == 0, errors);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("talent:0", json.RootElement.GetProperty("entity").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("ticks").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "wage");
    }

    [Theory]
    [InlineData("firm:3", "--tick", "2", "is not firm:CLUSTER:INDEX")]
    [InlineData("lab:1", "--tick", "0", "--tick: expected a whole number of at least 1, found '0'")]
    [InlineData("lab:1", "--tick", "9", "--tick 9 is outside 1..8")]
    [InlineData("firm:9:0", "--tick", "1", "clusters are 0..3")]
    [InlineData("firm:electronic:3", "--tick", "1", "entity 'firm:electronic:3': the scenario has no cluster 'electronic' (did you mean 'electronics'?); its clusters are electronics (0), materials (1), semiconductors (2), biomedicine (3)")]
    [InlineData("talent:chemicals", "--tick", "1", "the scenario has no cluster 'chemicals'; its clusters are electronics (0), materials (1)")]
    [InlineData("frim:0:3", "--tick", "1", "'frim' is not a kind of agent (firm, lab, fund or talent); did you mean 'firm'?")]
    [InlineData("fund:40", "--tick", "1", "funds are 0..")]
    public async Task Bad_requests_exit_2_naming_what_is_allowed(string entity, string option, string value, string message)
    {
        var (code, _, errors) = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, entity, option, value, "--engine", "reference");
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
    }

    [Fact]
    public async Task Inspect_help_names_the_entity_forms()
    {
        var (code, output, _) = await CliRunner.Ecosim("inspect", "--help");
        Assert.Equal(0, code);
        foreach (var word in new[] { "firm:CLUSTER:INDEX", "lab:INDEX", "fund:INDEX", "talent:CLUSTER", "--tick", "--json", "--engine", "--cluster" })
            Assert.Contains(word, output);
    }

    [Theory]
    [InlineData("firm:semiconductors:5", "firm:2:5")]
    [InlineData("firm:Semiconductors:5", "firm:2:5")]
    [InlineData("talent:materials", "talent:1")]
    public async Task A_cluster_may_be_named_by_its_id(string byId, string byNumber)
    {
        var named = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, byId, "--tick", "3", "--engine", "reference");
        var numbered = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, byNumber, "--tick", "3", "--engine", "reference");
        Assert.True(named.Code == 0, named.Errors);
        Assert.Equal(numbered.Output, named.Output);
        Assert.StartsWith($"{byNumber} ({byId.Split(':')[1].ToLowerInvariant()}): ", named.Output);
    }

    [Fact]
    public async Task Json_gives_numbers_as_numbers_that_read_back_to_the_values_of_the_table()
    {
        var table = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, "firm:electronics:7", "--tick", "5", "--engine", "reference");
        var (code, output, errors) = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, "firm:electronics:7", "--tick", "5", "--engine", "reference", "--json");
        Assert.True(code == 0, errors);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("electronics", json.RootElement.GetProperty("clusterId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, json.RootElement.GetProperty("seed").ValueKind);
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        var tableValues = table.Output.Split('\n').Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("  (", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(w => w[0], w => w[1]);
        Assert.Equal(tableValues.Keys.Order(), fields.Keys.Order());
        foreach (var (name, field) in fields)
        {
            var value = field.GetProperty("value");
            Assert.False(string.IsNullOrEmpty(field.GetProperty("unit").GetString()), name);
            if (name == "alive") Assert.Equal(tableValues[name] == "true" ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False, value.ValueKind);
            else
            {
                Assert.Equal(System.Text.Json.JsonValueKind.Number, value.ValueKind);
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(tableValues[name], System.Globalization.CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value.GetDouble()));
            }
        }
    }

    [Fact]
    public async Task An_exited_firm_says_so_and_when_it_left()
    {
        // Step the reference engine tick by tick to see, for every firm of the starting population, the tick it exited in.
        var world = TestFiles.LoadSmall().World;
        var engine = new EcoSim.Model.Engine.ReferenceEngine(world);
        int starting = engine.FirmsOf(0).Count;
        var exitTick = new Dictionary<int, int>();
        for (int tick = 0; tick < world.Ticks; tick++)
        {
            engine.Step();
            for (int i = 0; i < starting; i++)
                if (engine.FirmsOf(0).Find(i) is { Alive: false }) exitTick.TryAdd(i, tick); // by index: the tick drops exited firms from the slots
        }
        Assert.NotEmpty(exitTick);
        foreach (var (firm, tick) in exitTick.Where(e => e.Value >= 1).Take(3))
        {
            var (code, output, errors) = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, $"firm:electronics:{firm}", "--engine", "reference");
            Assert.True(code == 0, errors);
            Assert.Contains($"(this firm has exited: it left the market in {world.PeriodOf(tick)} (tick {tick}); the values are its state when it left)", output);
            var json = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, $"firm:0:{firm}", "--engine", "reference", "--json");
            using var document = System.Text.Json.JsonDocument.Parse(json.Output);
            Assert.Contains($"in {world.PeriodOf(tick)} (tick {tick})", document.RootElement.GetProperty("exited").GetString());
            // One tick before, it is still there, and nothing is said about an exit.
            var before = await CliRunner.Ecosim("inspect", TestFiles.SmallScenario, $"firm:0:{firm}", "--tick", $"{tick}", "--engine", "reference");
            Assert.DoesNotContain("exited", before.Output);
        }
    }

    [Fact]
    public async Task The_readmes_inspect_example_names_a_firm_that_is_alive_then()
    {
        string readme = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "README.md"));
        var example = System.Text.RegularExpressions.Regex.Match(readme, @"-- inspect (\S+) (\S+) --tick (\d+)");
        Assert.True(example.Success, "README has no inspect example");
        var (code, output, errors) = await CliRunner.Ecosim("inspect", Path.Combine(TestFiles.RepoRoot, example.Groups[1].Value), example.Groups[2].Value,
            "--tick", example.Groups[3].Value, "--engine", "reference", "--json");
        Assert.True(code == 0, errors);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var alive = json.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "alive");
        Assert.Equal(System.Text.Json.JsonValueKind.True, alive.GetProperty("value").ValueKind);
    }
}
