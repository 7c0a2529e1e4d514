using System.Globalization;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Inspection;

/// <summary>Turns the model's state types into <see cref="EntityState"/>: the same words for every engine.</summary>
public static class EntityDescriptions
{
    /// <summary>A firm's state.</summary>
    public static EntityState Firm(EntityRef entity, int ticks, in FirmRecord firm, string clusterName) =>
        new(entity, $"{(firm.Alive ? "firm" : "exited firm")} {entity.Index} of cluster {entity.Cluster} ({clusterName})", ticks,
        [
            Field("alive", firm.Alive ? "true" : "false", "whether the firm is still active"),
            Field("productivity", firm.Productivity, "index, 2023 cluster mean = 1"),
            Field("weight", firm.Weight, "market weight; share = weight / cluster total"),
            Field("revenue", firm.Revenue, "bn yuan/yr"),
            Field("rdIntensity", firm.RdIntensity, "target R&D share of revenue"),
            Field("rdStock", firm.RdStock, "bn yuan"),
            Field("cash", firm.Cash, "bn yuan (negative = debt)"),
            Field("researchers", firm.Researchers, "full-time equivalents"),
            Field("age", firm.Age.ToString(CultureInfo.InvariantCulture), "ticks (quarters)"),
            Field("vintage", firm.Vintage.ToString(CultureInfo.InvariantCulture), "technology generation in use"),
        ]);

    /// <summary>A lab's state.</summary>
    public static EntityState Lab(int ticks, in LabState lab, string clusterName) =>
        new(EntityRef.Lab(lab.Index), $"{KindName(lab.Kind)} serving cluster {lab.Cluster} ({clusterName})", ticks,
        [
            Field("cluster", lab.Cluster.ToString(CultureInfo.InvariantCulture), "cluster index"),
            Field("kind", lab.Kind.ToString(), "kind of lab"),
            Field("basicShare", lab.BasicShare, "share of the cluster's basic-research money"),
            Field("appliedShare", lab.AppliedShare, "share of the cluster's applied-research money"),
            Field("knowledge", lab.Knowledge, "basic-knowledge stock, model units"),
            Field("researchers", lab.Researchers, "full-time equivalents employed last tick"),
        ]);

    /// <summary>A fund's state: capital, and what it holds by cluster (summed over holding slots in index order).</summary>
    public static EntityState Fund(int ticks, FundState fund, IReadOnlyList<string> clusterNames)
    {
        int clusters = clusterNames.Count;
        var fields = new List<EntityField>
        {
            Field("kind", fund.Kind.ToString(), "kind of fund"),
            Field("capital", fund.Capital, "bn yuan available to invest"),
        };
        double total = 0;
        var held = new double[clusters];
        for (int i = 0; i < fund.Held.Length; i++) held[i % clusters] += fund.Held[i];
        for (int c = 0; c < clusters; c++) total += held[c];
        fields.Add(Field("held", total, "bn yuan invested and not yet exited"));
        for (int c = 0; c < clusters; c++)
            if (held[c] != 0) fields.Add(Field($"held[{c}]", held[c], $"bn yuan in cluster {c} ({clusterNames[c]})"));
        return new(EntityRef.Fund(fund.Index), $"{fund.Kind} fund {fund.Index}", ticks, fields);
    }

    /// <summary>A talent pool's state.</summary>
    public static EntityState TalentPool(int ticks, TalentPoolState pool, string clusterName) =>
        new(EntityRef.TalentPool(pool.Cluster), $"researcher market of cluster {pool.Cluster} ({clusterName})", ticks,
        [
            Field("researchers", pool.Researchers, "researchers in the pool"),
            Field("wage", pool.Wage, "thousand yuan/yr"),
            Field("fillRate", pool.FillRate, "share of wanted researchers that can be hired next tick"),
            Field("demand", pool.Demand, "researchers wanted by firms and labs this tick"),
            Field("baseResearchers", pool.BaseResearchers, "researchers at the start"),
            Field("baseLabFunding", pool.BaseLabFunding, "public research funding at the start, bn yuan/yr"),
        ]);

    /// <summary>The error for an entity the run does not have, naming the allowed range.</summary>
    public static ArgumentOutOfRangeException NotFound(EntityRef entity, string allowed) =>
        new(nameof(entity), entity.ToString(), $"the run has no {entity}: {allowed}");

    private static string KindName(LabKind kind) => kind switch
    {
        LabKind.University => "university",
        LabKind.ProvincialLab => "provincial lab",
        LabKind.NationalLab => "national lab",
        _ => "new-type R&D institute",
    };

    private static EntityField Field(string name, double value, string unit) => new(name, value.ToString("R", CultureInfo.InvariantCulture), unit);
    private static EntityField Field(string name, string value, string unit) => new(name, value, unit);
}
