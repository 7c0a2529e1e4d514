using EcoSim.Model.Metrics;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// An observed indicator the model produces, named as scenarios/data/guangdong-calibration.csv names
/// it, and how a run's region rows give its value for a calendar year, in the unit of that file.
/// </summary>
/// <param name="Name">The indicator's name in a target file.</param>
/// <param name="Unit">The unit the target's values are in.</param>
/// <param name="Reading">How the model's value is read, in words (report and docs).</param>
/// <param name="Read">The model's value for a year from the region rows (ordered by tick, one per tick) and the first and last tick of that year within the run.</param>
public sealed record CalibrationIndicator(string Name, string Unit, string Reading, Func<IReadOnlyList<MetricsRow>, int, int, double> Read)
{
    /// <summary>R&amp;D expenditure: metric total_rd, the mean of the year's quarters (bn yuan/yr), as the back-cast compares it.</summary>
    public static CalibrationIndicator RdExpenditure { get; } = new("rd_expenditure", "bn yuan", "total_rd, mean of the year's quarters",
        (rows, first, last) => Enumerable.Range(first, last - first + 1).Sum(t => MetricColumns.TotalRd.Value(rows[t])) / (last - first + 1));

    /// <summary>R&amp;D personnel: metric researchers at the year's last quarter, in millions.</summary>
    public static CalibrationIndicator RdPersonnel { get; } = new("rd_personnel", "million persons", "researchers at the end of the year, in millions",
        (rows, _, last) => MetricColumns.Researchers.Value(rows[last]) / 1e6);

    /// <summary>
    /// High-tech enterprises: metric certified_firms at the year's last quarter (the year's review); without a
    /// certification section every live firm counts, as the baseline's firms stand for them.
    /// </summary>
    public static CalibrationIndicator HighTechEnterprises { get; } = new("high_tech_enterprises", "count", "certified_firms at the end of the year",
        (rows, _, last) => MetricColumns.CertifiedFirms.Value(rows[last]));

    /// <summary>Every indicator a target may name.</summary>
    public static IReadOnlyList<CalibrationIndicator> All { get; } = [RdExpenditure, RdPersonnel, HighTechEnterprises];

    /// <summary>The model's value in <paramref name="year"/> from one run of <paramref name="world"/>; the year must lie within the run.</summary>
    public double Value(IReadOnlyList<MetricsRow> region, WorldSpec world, int year)
    {
        int first = Math.Max(0, new Period(year, 1).QuartersSince(world.Start));
        int last = Math.Min(world.Ticks - 1, new Period(year, 4).QuartersSince(world.Start));
        return Read(region, first, last);
    }
}
