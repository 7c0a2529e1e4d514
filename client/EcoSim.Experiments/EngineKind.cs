namespace EcoSim.Experiments;

/// <summary>Which engine runs an experiment. Both give the same numbers, bit for bit; the reference engine is the oracle.</summary>
public enum EngineKind
{
    /// <summary>The single-threaded reference engine of EcoSim.Model, in this process.</summary>
    Reference,
    /// <summary>The Orleans grains, on an embedded silo or a running cluster.</summary>
    Orleans,
}

/// <summary>The one place engine kinds are named, as manifests, Parquet metadata and the command line write them.</summary>
public static class EngineKinds
{
    /// <summary>Every kind, in the order the command line lists them.</summary>
    public static IReadOnlyList<EngineKind> All { get; } = [EngineKind.Orleans, EngineKind.Reference];

    /// <summary>The kind's name: <c>reference</c> or <c>orleans</c>.</summary>
    public static string Name(this EngineKind kind) => kind switch
    {
        EngineKind.Reference => "reference",
        EngineKind.Orleans => "orleans",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind named <paramref name="name"/> (exactly as <see cref="Name"/> writes it), or null.</summary>
    public static EngineKind? Parse(string? name) => All.Cast<EngineKind?>().FirstOrDefault(k => k!.Value.Name() == name);
}
