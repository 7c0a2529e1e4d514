namespace EcoSim.Experiments.Sensitivity;

/// <summary>How a sensitivity analysis samples the parameters and what it estimates.</summary>
public enum SensitivityMethod
{
    /// <summary>Morris elementary effects: a cheap screen, r (k + 1) design points, ranking by mu*.</summary>
    Morris,
    /// <summary>Sobol first-order and total indices from a Saltelli design: shares of the output's variance, N (k + 2) design points.</summary>
    Sobol,
}

/// <summary>Names of <see cref="SensitivityMethod"/> as the command line and the manifest write them.</summary>
public static class SensitivityMethods
{
    /// <summary>The lower-case name.</summary>
    public static string Name(this SensitivityMethod method) => method == SensitivityMethod.Morris ? "morris" : "sobol";

    /// <summary>The method named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static SensitivityMethod? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "morris" => SensitivityMethod.Morris,
        "sobol" => SensitivityMethod.Sobol,
        _ => null,
    };
}
