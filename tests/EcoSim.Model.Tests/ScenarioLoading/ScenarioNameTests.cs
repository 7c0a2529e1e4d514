using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>A scenario's name becomes a folder name and is printed, so only a safe set of characters is accepted.</summary>
public class ScenarioNameTests
{
    public static TheoryData<string> Refused => new()
    {
        "\"../../../elsewhere/x\"",
        "/srv/elsewhere/x",
        "runs/x",
        "\"back\\\\slash\"",
        ".hidden",
        "..",
        "\"red\\e[31m\"",
        "\"bell\\a\"",
        "\"two words\"",
        "\"rtl\\u202Eexe.txt\"",
        new string('a', ScenarioName.MaxLength + 1),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_name_outside_the_character_set_is_refused_at_its_place(string name)
    {
        using var f = new TempFolder();
        string path = f.Write("s.yaml", TinyScenario.WithLine(1, $"name: {name}"));
        TinyScenario.AssertSingleError(path, 1, 7, "name", ScenarioName.Rule);
    }

    [Theory]
    [InlineData("guangdong-baseline")]
    [InlineData("v1.2_test")]
    [InlineData("广东-基线")]
    [InlineData("a")]
    public void Names_of_letters_digits_dashes_underscores_and_dots_are_accepted(string name)
    {
        using var f = new TempFolder();
        string path = f.Write("s.yaml", TinyScenario.WithLine(1, $"name: {name}"));
        Assert.Equal(name, ScenarioLoader.Load(path).Name);
    }

    [Fact]
    public void A_name_of_the_longest_length_is_accepted()
    {
        using var f = new TempFolder();
        string name = new('n', ScenarioName.MaxLength);
        Assert.Equal(name, ScenarioLoader.Load(f.Write("s.yaml", TinyScenario.WithLine(1, $"name: {name}"))).Name);
    }
}
