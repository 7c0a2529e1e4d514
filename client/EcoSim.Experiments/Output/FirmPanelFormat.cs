using Parquet;
using Parquet.Schema;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The layout of <c>firms.parquet</c>, the per-firm panel: one row per firm and collected tick, with the
/// tick, its period, the cluster (index and id), the firm's index in its cluster, and every field of the
/// model's firm record. Money is in bn yuan (revenue per year), age in ticks; <see cref="Units"/> has
/// every column's unit, which each column chunk's key-value metadata carries (<c>unit</c>), and the file's with <see cref="ParquetProvenance"/>.
/// </summary>
public static class FirmPanelFormat
{
    /// <summary>Conventional file name of the panel inside an output folder.</summary>
    public const string FileName = "firms.parquet";

#pragma warning disable CS1591 // the columns are named by their fields
    public static DataField<int> Tick { get; } = new("tick", nullable: false);
    public static DataField<string> Period { get; } = new("period", nullable: false);
    public static DataField<int> Cluster { get; } = new("cluster", nullable: false);
    public static DataField<string> ClusterId { get; } = new("cluster_id", nullable: false);
    public static DataField<long> Firm { get; } = new("firm", nullable: false);
    public static DataField<double> Productivity { get; } = new("productivity", nullable: false);
    public static DataField<double> Weight { get; } = new("weight", nullable: false);
    public static DataField<double> Revenue { get; } = new("revenue", nullable: false);
    public static DataField<double> RdIntensity { get; } = new("rd_intensity", nullable: false);
    public static DataField<double> RdStock { get; } = new("rd_stock", nullable: false);
    public static DataField<double> Cash { get; } = new("cash", nullable: false);
    public static DataField<double> Researchers { get; } = new("researchers", nullable: false);
    public static DataField<int> Age { get; } = new("age", nullable: false);
    public static DataField<int> Vintage { get; } = new("vintage", nullable: false);
    public static DataField<bool> Alive { get; } = new("alive", nullable: false);
#pragma warning restore CS1591

    /// <summary>The <c>ecosim.format</c> value of a firm panel.</summary>
    public const string Format = "firm-panel";

    /// <summary>The unit of every column that has one, in column order; written to the file's key-value metadata.</summary>
    public static IReadOnlyList<(string Column, string Unit)> Units { get; } =
    [
        (Tick.Name, "quarters since the first period"), (Firm.Name, "index within the cluster"), (Productivity.Name, "index, 2023 mean = 1"),
        (Weight.Name, "market weight (share = weight / cluster total)"), (Revenue.Name, "bn yuan/yr"), (RdIntensity.Name, "share of revenue"),
        (RdStock.Name, "bn yuan"), (Cash.Name, "bn yuan (negative = debt)"), (Researchers.Name, "headcount"), (Age.Name, "ticks"),
        (Vintage.Name, "technology generation"),
    ];

    /// <summary>The panel's schema, in column order.</summary>
    public static ParquetSchema Schema { get; } = new(Tick, Period, Cluster, ClusterId, Firm, Productivity, Weight, Revenue, RdIntensity, RdStock, Cash, Researchers, Age, Vintage, Alive);

    /// <summary>Writer settings: Snappy compression; equal firms give byte-identical files.</summary>
    internal static ParquetOptions Options => new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>
    /// The ticks a panel collects when it takes every <paramref name="every"/>-th tick: the last tick of
    /// each block of <paramref name="every"/> ticks (with quarterly ticks and every 4, each year's Q4), and
    /// always the run's last tick.
    /// </summary>
    public static IReadOnlySet<int> Ticks(int ticks, int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var chosen = new SortedSet<int>(Enumerable.Range(1, ticks / every).Select(k => k * every - 1));
        if (ticks > 0) chosen.Add(ticks - 1);
        return chosen;
    }
}
