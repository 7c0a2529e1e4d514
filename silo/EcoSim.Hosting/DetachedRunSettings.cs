using System.Globalization;
using EcoSim.Grains;

namespace EcoSim.Hosting;

/// <summary>
/// A silo's settings for runs driven on the server, from its environment: <c>ECOSIM_ORPHAN_TIMEOUT</c>, in seconds, is
/// how long a finished detached run nobody observes is kept (<see cref="DetachedRunOptions.OrphanTimeout"/>).
/// </summary>
public static class DetachedRunSettings
{
    /// <summary>The environment variable of <see cref="DetachedRunOptions.OrphanTimeout"/>, in whole seconds.</summary>
    public const string OrphanTimeoutVariable = "ECOSIM_ORPHAN_TIMEOUT";
    /// <summary>The longest orphan timeout a silo accepts: a day.</summary>
    public const int MaxOrphanSeconds = 86_400;

    /// <summary>Applies the environment's settings to <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The variable is not a whole number of seconds from 1 to a day.</exception>
    public static void Apply(DetachedRunOptions options, string? orphanTimeout)
    {
        if (string.IsNullOrWhiteSpace(orphanTimeout)) return;
        if (!int.TryParse(orphanTimeout, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds < 1 || seconds > MaxOrphanSeconds)
            throw new ArgumentException($"{OrphanTimeoutVariable} is '{orphanTimeout}': expected whole seconds from 1 to {MaxOrphanSeconds}");
        options.OrphanTimeout = TimeSpan.FromSeconds(seconds);
    }
}
