using System.Globalization;

namespace EcoSim.Scenarios;

/// <summary>
/// How much one scenario may ask for. Each field of a scenario already has its range; these bound the
/// whole, so that no file that passes <c>validate</c> can exhaust memory or run for days. The ceilings on
/// a run's estimated memory and work (<see cref="RunCost"/>) can be raised for a large machine or a
/// cluster with <c>--max-memory</c> and <c>--max-work</c>; the counts are structural and fixed.
/// </summary>
/// <param name="MaxMemoryBytes">Ceiling on a run's estimated peak memory, in bytes.</param>
/// <param name="MaxWork">Ceiling on a run's estimated work, in firm updates.</param>
public sealed record ScenarioLimits(double MaxMemoryBytes, double MaxWork)
{
    /// <summary>Default memory ceiling: 8 GiB, a third of a 24 GiB machine.</summary>
    public const double DefaultMaxMemoryBytes = 8.0 * (1 << 30);
    /// <summary>Default work ceiling: 2e10 firm updates, about three hours of one core at today's speed
    /// (the baseline is 1e7; ten million firms over 27 years are 1.1e9).</summary>
    public const double DefaultMaxWork = 2e10;
    /// <summary>Most clusters a scenario may declare (Guangdong has 20; spillovers visit every pair).</summary>
    public const int MaxClusters = 500;
    /// <summary>Most labs over all lab groups.</summary>
    public const long MaxLabs = 2_000_000;
    /// <summary>Most funds over all fund groups.</summary>
    public const long MaxFunds = 200_000;
    /// <summary>Most dated entries (events, facilities, shocks) over all files of a scenario.</summary>
    public const int MaxEvents = 10_000;
    /// <summary>Most relatedness pairs listed over all files.</summary>
    public const int MaxRelatednessPairs = MaxClusters * (MaxClusters - 1) / 2;

    /// <summary>The documented ceilings.</summary>
    public static ScenarioLimits Default { get; } = new(DefaultMaxMemoryBytes, DefaultMaxWork);

    /// <summary>
    /// Reads a memory size such as <c>16GiB</c>, <c>500MiB</c>, <c>16g</c> or a plain number of GiB; null
    /// when it is not one.
    /// </summary>
    public static double? ParseBytes(string text)
    {
        string t = text.Trim();
        (string suffix, double scale)[] units = [("gib", 1 << 30), ("gb", 1 << 30), ("g", 1 << 30), ("mib", 1 << 20), ("mb", 1 << 20), ("m", 1 << 20), ("tib", 1L << 40), ("tb", 1L << 40), ("t", 1L << 40)];
        double unit = 1 << 30;
        foreach (var (suffix, scale) in units)
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { t = t[..^suffix.Length].TrimEnd(); unit = scale; break; }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v) ? v * unit : null;
    }
}
