using EcoSim.Model.Parameters;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// Parameters fixed at the start of a run (<see cref="ParameterSpec.FixedAtStart"/>) may be set under
/// 'parameters:' but not changed by an event, since a change during the run would do nothing.
/// </summary>
public class FixedAtStartTests
{
    private const string Advice = "is fixed at the start of a run (it sets up the initial state or the model's structure); set it under 'parameters:' instead";

    [Theory]
    [InlineData("knowledgeLagStages")]
    [InlineData("initialWage")]
    public void The_parameters_used_here_are_fixed_at_the_start(string name)
    {
        Assert.True(ParameterCatalog.TryGet(name, out var spec));
        Assert.True(spec.FixedAtStart);
    }

    [Fact]
    public void Setting_it_under_parameters_is_allowed()
    {
        using var f = new TempFolder();
        string path = f.Write("start.yaml", TinyScenario.WithLine(23, "  initialWage: 250\n  knowledgeLagStages: 4"));
        var w = ScenarioLoader.Load(path).World;
        Assert.Equal(250, w.Parameters.InitialWage);
        Assert.Equal(4, w.Parameters.KnowledgeLagStages);
    }

    [Fact]
    public void A_set_event_may_not_change_it()
    {
        using var f = new TempFolder();
        // "    set: { knowledgeLagStages: 4 }": the key starts at column 12.
        string path = f.Write("set.yaml", TinyScenario.WithLine(26, "    set: { knowledgeLagStages: 4 }"));
        TinyScenario.AssertSingleError(path, 26, 12, "events[0].set.knowledgeLagStages", $"parameter 'knowledgeLagStages' {Advice}");
    }

    [Fact]
    public void A_set_event_names_the_parameter_as_the_catalogue_spells_it()
    {
        using var f = new TempFolder();
        string path = f.Write("case.yaml", TinyScenario.WithLine(26, "    set: { minBasicShare: 0.3333, InitialWage: 300 }"));
        TinyScenario.AssertSingleError(path, 26, 35, "events[0].set.InitialWage", $"parameter 'initialWage' {Advice}");
    }

    [Fact]
    public void A_ramp_may_not_change_it()
    {
        using var f = new TempFolder();
        // "    ramp: { parameter: initialWage, ...": the parameter's name starts at column 24.
        string path = f.Write("ramp.yaml", TinyScenario.WithLine(26, "    ramp: { parameter: initialWage, to: 300, until: 2026Q1 }"));
        TinyScenario.AssertSingleError(path, 26, 24, "events[0].ramp.parameter", $"parameter 'initialWage' {Advice}");
    }

    [Fact]
    public void An_event_in_an_extended_file_may_not_change_it_either()
    {
        using var f = new TempFolder();
        string parent = f.Write("base.yaml", TinyScenario.WithLine(26, "    ramp: { parameter: knowledgeLagStages, to: 6, until: 2026Q1 }"));
        string path = f.Write("child.yaml", "extends: base.yaml\nname: child\n");
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        TinyScenario.AssertError(error, parent, 26, 24, "events[0].ramp.parameter", $"parameter 'knowledgeLagStages' {Advice}");
    }
}
