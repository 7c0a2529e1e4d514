using System.Globalization;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// Parameter uncertainty for <c>compare --parameter-uncertainty</c>: each seed pair draws each named
/// parameter uniformly over its range, from a Philox stream keyed by the pair's seed and the parameter's
/// position (<see cref="DesignRandom"/>), so both runs of a pair (baseline and policy) get the same draw
/// and a pair's draw does not depend on how many pairs there are. The spread of the effects over the
/// pairs then covers the parameters' uncertainty as well as the model's chance. Uniform, because the
/// catalogue gives ranges and no more: a range says what is plausible, not what is likely.
/// </summary>
public static class ParameterDraws
{
    /// <summary>The settings of <paramref name="ranges"/> for the pair of <paramref name="seed"/>, held as a sweep holds a value.</summary>
    public static IReadOnlyList<ParameterSetting> For(IReadOnlyList<SensitivityRange> ranges, ulong seed)
    {
        var random = new DesignRandom(seed);
        return [.. ranges.Select((r, i) => new ParameterSetting(r.Parameter, r.At(random.Bits(DesignRandom.Use.ParameterDraw, i, 0) * (1.0 / 4294967296.0))))];
    }

    /// <summary>The ranges in words, e.g. "basicShare uniform on [0.1, 0.4] (share)", with ", the catalogue's plausible range (its source)" after a range taken from the catalogue.</summary>
    public static string Describe(IReadOnlyList<SensitivityRange> ranges) =>
        string.Join(", ", ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Parameter.Name} uniform on [{SensitivityRange.Number(r.Low)}, {SensitivityRange.Number(r.High)}] ({r.Parameter.Unit}){SensitivityRange.BasisWords(r)}")));
}
