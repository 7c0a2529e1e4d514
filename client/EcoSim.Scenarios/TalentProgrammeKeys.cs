namespace EcoSim.Scenarios;

/// <summary>
/// The keys of a <c>talentProgramme</c> event (docs/SCENARIOS.md, section 2.6): the cluster and the yearly recruitment
/// are required, <c>until</c> is not (the programme then runs to the horizon's end). The parser reads the event with
/// these, and the explorer offers a talent programme as a lever with them, so the two cannot disagree.
/// </summary>
public static class TalentProgrammeKeys
{
    /// <summary>The event's key in a scenario file's <c>events:</c> list.</summary>
    public const string Event = "talentProgramme";

    /// <summary>The id of the cluster whose researcher pool it recruits into.</summary>
    public const string Cluster = "cluster";

    /// <summary>The first quarter it no longer recruits in (optional).</summary>
    public const string Until = "until";

    /// <summary>Researchers recruited a year into the cluster's pool.</summary>
    public static EventNumberKey ResearchersPerYear { get; } = new("researchersPerYear", 0, 1e7, "researchers/yr",
        "researchers recruited each year into the cluster's researcher pool while the programme runs");

    /// <summary>Every key of a talent programme event.</summary>
    public static IReadOnlyList<string> All { get; } = [Cluster, ResearchersPerYear.Name, Until];
}
