namespace EcoSim.Scenarios;

/// <summary>A number a <c>facility</c> event must give: its key, its allowed range and unit, and what it means.</summary>
/// <param name="Name">The key, e.g. <c>buildYears</c>.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Description">What it means, in one line.</param>
public sealed record FacilityKey(string Name, double Min, double Max, string Unit, string Description);

/// <summary>
/// The keys of a <c>facility</c> event (docs/SCENARIOS.md, section 2.6), all required: the parser reads the numbers
/// with these ranges, and the explorer offers a facility as a lever with them, so the two cannot disagree.
/// </summary>
public static class FacilityKeys
{
    /// <summary>The facility's name, for reports.</summary>
    public const string Name = "name";

    /// <summary>The id of the cluster that hosts it.</summary>
    public const string Cluster = "cluster";

    /// <summary>Years of construction.</summary>
    public static FacilityKey BuildYears { get; } = new("buildYears", 0, 50, "yr", "years of construction from the event's quarter");

    /// <summary>Years of operation after construction.</summary>
    public static FacilityKey OperationYears { get; } = new("operationYears", 0, 200, "yr", "years of operation after construction");

    /// <summary>Construction spending, taken from the host cluster's basic-research money.</summary>
    public static FacilityKey CostPerYear { get; } = new("costPerYear", 0, 1e4, "bn yuan/yr", "spending while it is built, paid from the host cluster's basic-research money");

    /// <summary>The rise of the host's labs' knowledge production while it operates.</summary>
    public static FacilityKey KnowledgeBoost { get; } = new("knowledgeBoost", 0, 10, "share",
        "rise of the host's labs' knowledge production while it operates (0.3 = +30%); related clusters' labs gain in proportion to relatedness");

    /// <summary>The numbers, in the order a facility event lists them.</summary>
    public static IReadOnlyList<FacilityKey> Numbers { get; } = [BuildYears, OperationYears, CostPerYear, KnowledgeBoost];

    /// <summary>Every key of a facility event.</summary>
    public static IReadOnlyList<string> All { get; } = [Name, Cluster, .. Numbers.Select(k => k.Name)];
}
