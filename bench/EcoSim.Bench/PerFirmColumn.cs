using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EcoSim.Bench;

/// <summary>A case whose parameter carries its firm count (when it is not a plain <c>Firms</c> parameter).</summary>
public interface IFirmCount
{
    /// <summary>Firms at the start of the world.</summary>
    int Firms { get; }
}

/// <summary>
/// The column "ns/firm/tick": the mean time of one operation (one tick, or one phase of a tick) divided
/// by the firms of the case, read from a parameter named <c>Firms</c> or one implementing <see cref="IFirmCount"/>.
/// </summary>
public sealed class PerFirmColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(PerFirmColumn);
    /// <inheritdoc/>
    public string ColumnName => "ns/firm/tick";
    /// <inheritdoc/>
    public bool AlwaysShow => true;
    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc/>
    public int PriorityInCategory => 0;
    /// <inheritdoc/>
    public bool IsNumeric => true;
    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc/>
    public string Legend => "Mean time of one operation divided by the firms at the start of the world, in nanoseconds";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null) return "NA";
        if (FirmsOf(benchmarkCase) is not int firms || firms <= 0) return "-";
        double perFirm = statistics.Mean / firms;
        return perFirm.ToString(perFirm < 10 ? "F2" : "F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    private static int? FirmsOf(BenchmarkCase benchmarkCase)
    {
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Value is IFirmCount count) return count.Firms;
            if (parameter.Name == "Firms" && parameter.Value is int firms) return firms;
        }
        return null;
    }
}

/// <summary>Adds <see cref="PerFirmColumn"/> to a suite.</summary>
public sealed class PerFirmConfig : ManualConfig
{
    /// <summary>The column.</summary>
    public PerFirmConfig() => AddColumn(new PerFirmColumn());
}
