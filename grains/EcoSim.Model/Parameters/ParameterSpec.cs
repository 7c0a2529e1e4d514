namespace EcoSim.Model.Parameters;

/// <summary>One entry of the parameter catalogue.</summary>
/// <param name="Name">Name as written in scenario files (the property name, camelCase).</param>
/// <param name="Description">Meaning.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Default">Default value.</param>
/// <param name="Source">Source of the default, or "assumed".</param>
/// <param name="Plausible">The documented plausible range, inside [Min, Max] and holding the default: what sensitivity analyses sample when no range is given.</param>
/// <param name="FixedAtStart">True when only tick 0 reads it: scenarios may set it, events may not change it.</param>
public sealed record ParameterSpec(string Name, string Description, string Unit, double Min, double Max, double Default, string Source, PlausibleRange Plausible, bool FixedAtStart = false)
{
    /// <summary>True when <paramref name="value"/> is finite and within [Min, Max].</summary>
    public bool Allows(double value) => double.IsFinite(value) && value >= Min && value <= Max;
}
