using EcoSim.Model.Time;
using EcoSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>A value with the place in a file it came from, for errors found after files are merged.</summary>
internal sealed record Located<T>(T Value, ErrorSink Sink, YamlNode Node, string Key)
{
    public void Error(string message) => Sink.At(Node, Key, message);
}

/// <summary>A large science facility as written in an event: built from the event's date in a cluster named by id.</summary>
internal sealed record FacilityPart(Period At, string Name, string ClusterId, double BuildYears, double OperationYears, double CostPerYear, double KnowledgeBoost);

/// <summary>A one-off cluster event as written: from the event's date until (not including) <paramref name="Until"/>, or the end.</summary>
internal sealed record ShockPart(Period At, ShockKind Kind, string? ClusterId, double Value, Period? Until);

/// <summary>A scheduled parameter change as written: a set at a date, or a ramp over a period.</summary>
internal sealed record EventPart(Period At, string Parameter, double To, Period? RampEnd);

/// <summary>Relatedness as written: a default and explicit pairs.</summary>
internal sealed record RelatednessPart(double Default, IReadOnlyList<Located<(string A, string B, double Value)>> Pairs);

/// <summary>What one file says; every field is optional so that a file can extend another.</summary>
internal sealed class ScenarioPart
{
    public string? Name, Description;
    public Located<string>? Extends;
    public Located<Period>? Start, End;
    public ulong? Seed;
    public int? Firms;
    public List<LabGroup>? Labs;
    public List<FundGroup>? Funds;
    public List<Located<ClusterSpec>>? Clusters;
    public RelatednessPart? Relatedness;
    /// <summary>True when this file or one it extends has a <c>certification:</c> section.</summary>
    public bool? Certification;
    public Dictionary<string, Located<double>> Parameters = new(StringComparer.OrdinalIgnoreCase);
    public List<Located<EventPart>> Events = [];
    public List<Located<FacilityPart>> Facilities = [];
    public List<Located<ShockPart>> Shocks = [];
    public YamlNode? Root;
    public ErrorSink? Sink;

    /// <summary>This file's values over its parent's: scalars and lists replace, parameters merge, events append.</summary>
    public ScenarioPart Over(ScenarioPart parent)
    {
        var merged = new ScenarioPart
        {
            Name = Name ?? parent.Name,
            Description = Description ?? parent.Description,
            Start = Start ?? parent.Start,
            End = End ?? parent.End,
            Seed = Seed ?? parent.Seed,
            Firms = Firms ?? parent.Firms,
            Labs = Labs ?? parent.Labs,
            Funds = Funds ?? parent.Funds,
            Clusters = Clusters ?? parent.Clusters,
            Relatedness = Relatedness ?? parent.Relatedness,
            Certification = Certification ?? parent.Certification,
            Parameters = new Dictionary<string, Located<double>>(parent.Parameters, StringComparer.OrdinalIgnoreCase),
            Events = [.. parent.Events, .. Events],
            Facilities = [.. parent.Facilities, .. Facilities],
            Shocks = [.. parent.Shocks, .. Shocks],
            Root = Root,
            Sink = Sink,
        };
        foreach (var (k, v) in Parameters) merged.Parameters[k] = v;
        return merged;
    }
}
