using EcoSim.Client.Engines;
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
    [InlineData("lab:1", "--tick", "0", "--tick 0 is outside 1..8")]
    [InlineData("lab:1", "--tick", "9", "--tick 9 is outside 1..8")]
    [InlineData("firm:9:0", "--tick", "1", "clusters are 0..3")]
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
}
