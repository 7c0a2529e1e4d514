using EcoSim.Model.Parameters;

namespace EcoSim.Scenarios;

/// <summary>
/// The <c>certification:</c> section of a scenario: its presence turns on high-tech enterprise certification as a
/// flow (<see cref="EcoSim.Model.World.WorldSpec.Certification"/>), and each of its keys is a short name for one model
/// parameter, so that its range, unit and source are the parameter's and an event's <c>set:</c> or <c>ramp:</c> can
/// change the same value from a quarter on (a policy lever). One table, read by the parser and the docs' test.
/// </summary>
public static class CertificationSection
{
    /// <summary>The section's key in a scenario file.</summary>
    public const string Key = "certification";

    /// <summary>Each key of the section and the model parameter it sets, in the order docs/SCENARIOS.md lists them.</summary>
    public static IReadOnlyList<(string Key, string Parameter)> Keys { get; } =
    [
        ("smallFirmRdShare", "certificationSmallRdShare"),
        ("mediumFirmRdShare", "certificationMediumRdShare"),
        ("largeFirmRdShare", "certificationLargeRdShare"),
        ("smallFirmRevenue", "certificationSmallRevenue"),
        ("largeFirmRevenue", "certificationLargeRevenue"),
        ("staffShare", "certificationStaffShare"),
        ("reviewYears", "certificationReviewYears"),
        ("preferentialRate", "corporateTaxRate"),
        ("standardRate", "standardTaxRate"),
        ("applicationRate", "certificationApplicationRate"),
        ("revenuePerEmployee", "revenuePerEmployee"),
        ("initialShare", "initialCertifiedShare"),
    ];

    /// <summary>Reads the section into <paramref name="part"/>: the switch, and each value as the parameter it names.</summary>
    internal static void Parse(ScenarioPart part, YamlMap? map)
    {
        if (map is null) return;
        part.Certification = true;
        foreach (var (key, parameter) in Keys)
        {
            if (!map.Has(key)) continue;
            ParameterCatalog.TryGet(parameter, out var spec);
            if (map.Number(key, false, spec.Min, spec.Max, spec.Unit) is double value)
                part.Parameters[spec.Name] = new(value, map.Errors, map.Find(key)!, map.Child(key));
        }
        map.RejectUnknownKeys(Keys.Select(k => k.Key));
    }
}
