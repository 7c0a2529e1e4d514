namespace EcoSim.Scenarios;

/// <summary>
/// The keys of a <c>facility</c> event (docs/SCENARIOS.md, section 2.6), all required: the parser reads the numbers
/// with these ranges, and the explorer offers a facility as a lever with them, so the two cannot disagree.
/// </summary>
public static class FacilityKeys
{
    /// <summary>The event's key in a scenario file's <c>events:</c> list.</summary>
    public const string Event = "facility";

    /// <summary>The facility's name, for reports.</summary>
    public const string Name = "name";

    /// <summary>The id of the cluster that hosts it.</summary>
    public const string Cluster = "cluster";

    /// <summary>Years of construction.</summary>
    public static EventNumberKey BuildYears { get; } = new("buildYears", 0, 50, "yr", "years of construction from the event's quarter");

    /// <summary>Years of operation after construction.</summary>
    public static EventNumberKey OperationYears { get; } = new("operationYears", 0, 200, "yr", "years of operation after construction");

    /// <summary>Construction spending, taken from the host cluster's basic-research money.</summary>
    public static EventNumberKey CostPerYear { get; } = new("costPerYear", 0, 1e4, "bn yuan/yr", "spending while it is built, paid from the host cluster's basic-research money");

    /// <summary>The rise of the host's labs' knowledge production while it operates.</summary>
    public static EventNumberKey KnowledgeBoost { get; } = new("knowledgeBoost", 0, 10, "share",
        "rise of the host's labs' knowledge production while it operates (0.3 = +30%); related clusters' labs gain in proportion to relatedness");

    /// <summary>The numbers, in the order a facility event lists them.</summary>
    public static IReadOnlyList<EventNumberKey> Numbers { get; } = [BuildYears, OperationYears, CostPerYear, KnowledgeBoost];

    /// <summary>Every key of a facility event.</summary>
    public static IReadOnlyList<string> All { get; } = [Name, Cluster, .. Numbers.Select(k => k.Name)];
}
