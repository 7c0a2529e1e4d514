namespace EcoSim.Model.Parameters;

/// <summary>Declares a model parameter: its unit, allowed range, plausible range and where its default comes from.</summary>
/// <param name="unit">Unit of the value.</param>
/// <param name="min">Smallest allowed value (inclusive).</param>
/// <param name="max">Largest allowed value (inclusive).</param>
/// <param name="source">Source of the default, or "assumed".</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute(string unit, double min, double max, string source) : Attribute
{
    /// <summary>Unit of the value.</summary>
    public string Unit { get; } = unit;
    /// <summary>Smallest allowed value (inclusive).</summary>
    public double Min { get; } = min;
    /// <summary>Largest allowed value (inclusive).</summary>
    public double Max { get; } = max;
    /// <summary>Source of the default, or "assumed".</summary>
    public string Source { get; } = source;
    /// <summary>What the parameter means.</summary>
    public string Description { get; init; } = "";
    /// <summary>
    /// True when the parameter only shapes the state at tick 0 (or the structure of the model), so that
    /// changing it by an event during a run would do nothing: scenarios may set it, events may not.
    /// </summary>
    public bool FixedAtStart { get; init; }
    /// <summary>Low end of the plausible range (see <see cref="PlausibleRange"/>); NaN when not declared, which the catalogue refuses.</summary>
    public double PlausibleLow { get; init; } = double.NaN;
    /// <summary>High end of the plausible range; NaN when not declared.</summary>
    public double PlausibleHigh { get; init; } = double.NaN;
    /// <summary>Where the plausible range comes from: a literature value, Guangdong data, or the assumption it rests on.</summary>
    public string PlausibleSource { get; init; } = "";
}
