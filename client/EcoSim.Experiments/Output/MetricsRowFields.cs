using System.Reflection;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Sets the metric properties of a <see cref="MetricsRow"/> by CSV column name. The property for
/// column <c>snake_case</c> is <c>SnakeCase</c>; the mapping is checked once against each
/// <see cref="MetricColumn.Value"/> so a mismatch fails loudly instead of reading wrong numbers.
/// </summary>
internal static class MetricsRowFields
{
    private static readonly Lazy<IReadOnlyDictionary<string, PropertyInfo>> Setters = new(Build);

    /// <summary>Sets the property behind <paramref name="column"/> on a freshly built <paramref name="row"/>.</summary>
    public static void Set(MetricsRow row, MetricColumn column, double value) =>
        Setters.Value[column.Name].SetValue(row, value);

    private static Dictionary<string, PropertyInfo> Build()
    {
        var setters = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (MetricColumn column in MetricColumns.All)
        {
            string name = string.Concat(column.Name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            PropertyInfo property = typeof(MetricsRow).GetProperty(name)
                ?? throw new InvalidOperationException($"metric column '{column.Name}' has no MetricsRow property '{name}'");
            if (property.PropertyType != typeof(double) || !property.CanWrite)
                throw new InvalidOperationException($"MetricsRow.{name} is not a settable double");
            setters.Add(column.Name, property);
        }
        foreach (MetricColumn column in MetricColumns.All)
        {
            var probe = new MetricsRow { Tick = 0, Period = "", Time = 0, Cluster = 0, ClusterId = "" };
            setters[column.Name].SetValue(probe, 1.0);
            foreach (MetricColumn other in MetricColumns.All)
                if (other.Value(probe) != (other == column ? 1.0 : 0.0))
                    throw new InvalidOperationException(
                        $"setting MetricsRow.{setters[column.Name].Name} changed column '{other.Name}' unexpectedly");
        }
        return setters;
    }
}
