using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>A scenario rebuilt from recorded texts (as reproduce does from a manifest) is the scenario its files give, and a broken chain is refused.</summary>
public sealed class InMemoryLoadTests
{
    private static Scenario FromFiles() => ScenarioLoader.Load(TestWorlds.LibraryScenario("one-third-basic-research.yaml"));

    private static List<ScenarioSource> Chain(Scenario scenario) => [.. scenario.Sources.Select(s => new ScenarioSource(Path.GetFileName(s.Path), s.Text))];

    [Fact]
    public void The_recorded_texts_load_to_the_same_world_and_text_as_the_files()
    {
        var files = FromFiles();
        var memory = ScenarioLoader.LoadTexts("recorded/one-third-basic-research.yaml", Chain(files));
        Assert.Equal(files.Sha256, memory.Sha256);
        Assert.Equal(files.Name, memory.Name);
        Assert.Equal(files.World.Timeline, memory.World.Timeline);
        Assert.Equal(files.World.Ticks, memory.World.Ticks);
        Assert.Equal(files.World.Seed, memory.World.Seed);
        Assert.Equal("recorded/one-third-basic-research.yaml", memory.Path);
    }

    [Fact]
    public void A_part_whose_extends_names_another_file_than_the_next_is_refused()
    {
        var chain = Chain(FromFiles());
        chain[1] = chain[1] with { Path = "other.yaml" };
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadTexts("s.yaml", chain));
        Assert.Contains(e.Errors, x => x.ToString().Contains("does not name the next recorded file, 'other.yaml'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_part_that_extends_nothing_cannot_be_followed_by_another()
    {
        var chain = Chain(FromFiles());
        chain.Add(new ScenarioSource("extra.yaml", "name: extra\n"));
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadTexts("s.yaml", chain));
        Assert.Contains(e.Errors, x => x.ToString().Contains("extends nothing, but the recorded text goes on with 'extra.yaml'", StringComparison.Ordinal));
    }
}
