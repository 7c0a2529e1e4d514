using System.Text.Json.Serialization;
using EcoSim.Experiments.Ensembles;

namespace EcoSim.Experiments.Output;

/// <summary>
/// What one kind of output records in its manifest besides what every kind does (<see cref="OutputManifest"/>):
/// a run's scenario and seed, an ensemble's seeds, a comparison's two scenarios, a sweep's grid.
/// </summary>
/// <remarks>A new kind of output is a new sealed payload and one entry in <see cref="Kinds"/>.</remarks>
public abstract record ManifestPayload
{
    /// <summary>Key order of a kind's first and last period, between the tick count and the code version.</summary>
    protected internal const int PeriodsOrder = 2;

    /// <summary>Key order of what a kind records between the plots and the files.</summary>
    protected internal const int AfterPlotsOrder = 4;

    /// <summary>
    /// The payload type of each value of the manifest's <c>kind</c> key. A run's manifest has no <c>kind</c>
    /// key (run manifests came first), so a manifest without one is a run.
    /// </summary>
    internal static IReadOnlyDictionary<string, Type> Kinds { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [RunPayload.KindName] = typeof(RunPayload),
        [ComparisonPayload.KindName] = typeof(ComparisonPayload),
        [EnsemblePayload.KindName] = typeof(EnsemblePayload),
        [SweepPayload.KindName] = typeof(SweepPayload),
        [Sensitivity.SensitivityPayload.KindName] = typeof(Sensitivity.SensitivityPayload),
        [Calibration.CalibrationPayload.KindName] = typeof(Calibration.CalibrationPayload),
        [Validation.ValidationPayload.KindName] = typeof(Validation.ValidationPayload),
    };

    /// <summary>Whether the JSON text ends in a newline: every kind's does but a comparison's, which has always been written without.</summary>
    /// <remarks>Not public, so that no serialiser takes it for a key.</remarks>
    internal virtual bool EndsWithNewline => true;
}
