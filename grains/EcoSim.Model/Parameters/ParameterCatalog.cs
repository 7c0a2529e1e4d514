using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace EcoSim.Model.Parameters;

/// <summary>
/// The list of model parameters, read once from the <see cref="ParameterAttribute"/>s of
/// <see cref="ModelParameters"/>, and the one way to change a parameter by name.
/// </summary>
public static class ParameterCatalog
{
    private static readonly FrozenDictionary<string, (ParameterSpec Spec, PropertyInfo Property)> ByName = Build();

    /// <summary>All parameters, in declaration order.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
        [.. typeof(ModelParameters).GetProperties().OrderBy(p => p.MetadataToken).Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null).Select(p => ByName[CamelCase(p.Name)].Spec)];

    /// <summary>Finds a parameter by its scenario name (case-insensitive).</summary>
    public static bool TryGet(string name, out ParameterSpec spec)
    {
        if (ByName.TryGetValue(name, out var entry)) { spec = entry.Spec; return true; }
        spec = null!;
        return false;
    }

    /// <summary>Reads a parameter by name.</summary>
    public static double Get(ModelParameters parameters, string name) => (double)Entry(name).Property.GetValue(parameters)!;

    /// <summary>Returns a copy of <paramref name="parameters"/> with one parameter changed.</summary>
    /// <exception cref="ArgumentException">Unknown name, or a value outside the allowed range.</exception>
    public static ModelParameters With(ModelParameters parameters, string name, double value)
    {
        var (spec, property) = Entry(name);
        if (!spec.Allows(value))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"parameter '{spec.Name}' = {value} is outside its allowed range [{spec.Min}, {spec.Max}] ({spec.Unit})"), nameof(value));
        var copy = parameters with { };
        property.SetValue(copy, value);
        return copy;
    }

    private static (ParameterSpec Spec, PropertyInfo Property) Entry(string name) =>
        ByName.TryGetValue(name, out var entry) ? entry : throw new ArgumentException($"unknown parameter '{name}'", nameof(name));

    private static FrozenDictionary<string, (ParameterSpec, PropertyInfo)> Build()
    {
        var defaults = new ModelParameters();
        var entries = new Dictionary<string, (ParameterSpec, PropertyInfo)>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in typeof(ModelParameters).GetProperties())
        {
            var attribute = property.GetCustomAttribute<ParameterAttribute>();
            if (attribute is null) continue;
            string name = CamelCase(property.Name);
            if (!double.IsFinite(attribute.PlausibleLow) || !double.IsFinite(attribute.PlausibleHigh) || string.IsNullOrWhiteSpace(attribute.PlausibleSource))
                throw new InvalidOperationException($"parameter '{name}' declares no plausible range (PlausibleLow, PlausibleHigh and PlausibleSource of its [Parameter])");
            var plausible = new PlausibleRange(attribute.PlausibleLow, attribute.PlausibleHigh, attribute.PlausibleSource);
            var spec = new ParameterSpec(name, attribute.Description, attribute.Unit, attribute.Min, attribute.Max, (double)property.GetValue(defaults)!, attribute.Source, plausible, attribute.FixedAtStart);
            if (!spec.Allows(spec.Default)) throw new InvalidOperationException($"default of parameter '{name}' is outside its own range");
            entries.Add(name, (spec, property));
        }
        return entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
