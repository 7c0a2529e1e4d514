using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// The <c>certification:</c> section: its presence turns the flow on, its keys set the parameters they name, events
/// change those parameters from a quarter (the policy levers), and bad input is refused with file, line, column and key.
/// Line 23 of <see cref="TinyScenario"/> (under 'parameters:') is where each test writes; "certification:" then sits at
/// column 1 of line 24 and its keys at column 3.
/// </summary>
public class CertificationSectionTests
{
    private static string Scenario(TempFolder f, string section) =>
        f.Write("cert.yaml", TinyScenario.WithLine(23, "  basicShare: 0.2\ncertification:\n" + section));

    [Fact]
    public void Without_the_section_certification_is_off_and_with_it_on_with_the_rules_defaults()
    {
        using var f = new TempFolder();
        Assert.False(ScenarioLoader.Load(f.Write("plain.yaml", TinyScenario.Text)).World.Certification);
        var world = ScenarioLoader.Load(f.Write("empty.yaml", TinyScenario.WithLine(23, "  basicShare: 0.2\ncertification: {}"))).World;
        Assert.True(world.Certification);
        Assert.Equal(0.05, world.Parameters.CertificationSmallRdShare);
        Assert.Equal(0.15, world.Parameters.CorporateTaxRate);
    }

    [Fact]
    public void Each_key_sets_the_parameter_it_names()
    {
        using var f = new TempFolder();
        var p = ScenarioLoader.Load(Scenario(f, "  smallFirmRdShare: 0.06\n  largeFirmRdShare: 0.025\n  staffShare: 0.12\n  reviewYears: 2\n" +
                                                "  preferentialRate: 0.12\n  standardRate: 0.3\n  applicationRate: 0.4\n  initialShare: 0.5")).World.Parameters;
        Assert.Equal((0.06, 0.04, 0.025, 0.12, 2.0), (p.CertificationSmallRdShare, p.CertificationMediumRdShare, p.CertificationLargeRdShare, p.CertificationStaffShare, p.CertificationReviewYears));
        Assert.Equal((0.12, 0.3, 0.4, 0.5), (p.CorporateTaxRate, p.StandardTaxRate, p.CertificationApplicationRate, p.InitialCertifiedShare));
    }

    [Fact]
    public void Every_key_of_the_section_names_a_parameter_of_the_catalogue()
    {
        Assert.All(CertificationSection.Keys, k => Assert.True(EcoSim.Model.Parameters.ParameterCatalog.TryGet(k.Parameter, out _), k.Parameter));
        Assert.Equal(CertificationSection.Keys.Count, CertificationSection.Keys.Select(k => k.Parameter).Distinct().Count());
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_nearest_key()
    {
        using var f = new TempFolder();
        TinyScenario.AssertSingleError(Scenario(f, "  smallFirmRdShar: 0.06"), 25, 3, "certification.smallFirmRdShar", "did you mean 'smallFirmRdShare'?");
    }

    [Theory]
    [InlineData("  smallFirmRdShare: 1.5", "certification.smallFirmRdShare", "[0, 1]")]
    [InlineData("  reviewYears: 0", "certification.reviewYears", "[1, 10]")]
    [InlineData("  preferentialRate: -0.1", "certification.preferentialRate", "[0, 0.6]")]
    [InlineData("  revenuePerEmployee: 0", "certification.revenuePerEmployee", "[0.01, 100]")]
    public void A_value_outside_its_range_is_refused_naming_the_range(string line, string key, string range)
    {
        using var f = new TempFolder();
        var e = TinyScenario.Fails(Scenario(f, line));
        Assert.Single(e.Errors);
        Assert.Equal(25, e.Errors[0].Line);
        Assert.Equal(key, e.Errors[0].Key);
        Assert.Contains(range, e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused()
    {
        using var f = new TempFolder();
        var e = TinyScenario.Fails(Scenario(f, "  staffShare: ten percent"));
        Assert.Equal("certification.staffShare", Assert.Single(e.Errors).Key);
    }

    [Fact]
    public void A_section_that_is_not_a_mapping_is_refused()
    {
        using var f = new TempFolder();
        var e = TinyScenario.Fails(f.Write("list.yaml", TinyScenario.WithLine(23, "  basicShare: 0.2\ncertification: [0.05]")));
        Assert.Equal("certification", Assert.Single(e.Errors).Key);
    }

    [Fact]
    public void The_thresholds_and_the_preferential_rate_are_levers_an_event_changes_from_a_quarter()
    {
        using var f = new TempFolder();
        string path = f.Write("lever.yaml", TinyScenario.WithLine(26, "    set: { minBasicShare: 0.3333, certificationSmallRdShare: 0.04, corporateTaxRate: 0.1 }")
            .Replace("  basicShare: 0.2\n", "  basicShare: 0.2\ncertification: {}\n", StringComparison.Ordinal));
        var world = ScenarioLoader.Load(path).World;
        Assert.Equal((0.05, 0.15), (world.ParametersAt(3).CertificationSmallRdShare, world.ParametersAt(3).CorporateTaxRate));
        Assert.Equal((0.04, 0.1), (world.ParametersAt(4).CertificationSmallRdShare, world.ParametersAt(4).CorporateTaxRate)); // 2025Q1 on
    }

    [Fact]
    public void A_file_that_extends_one_with_the_section_has_certification_on()
    {
        using var f = new TempFolder();
        Scenario(f, "  applicationRate: 0.4");
        var child = ScenarioLoader.Load(f.Write("child.yaml", "extends: cert.yaml\nname: child\n")).World;
        Assert.True(child.Certification);
        Assert.Equal(0.4, child.Parameters.CertificationApplicationRate);
    }
}
