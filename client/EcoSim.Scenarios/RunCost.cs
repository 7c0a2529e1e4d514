using System.Globalization;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.World;

namespace EcoSim.Scenarios;

/// <summary>
/// What a scenario's run will cost before it starts: an estimate of its peak memory and of its work, from
/// the sizes of its populations and horizon. Validation compares it with <see cref="ScenarioLimits"/>, so a
/// scenario that would exhaust the machine (a million-lab group repeated two thousand times, twelve
/// thousand clusters) is refused in milliseconds with the numbers instead of being killed by the kernel
/// hours later.
/// </summary>
/// <remarks>
/// The coefficients were measured as the peak working set of <c>ecosim run --ticks 2 --no-plots</c> on
/// the Orleans engine (the default, and the hungrier of the two), scaling one population at a time from
/// the Guangdong baseline (docs/ARCHITECTURE.md, "Bounded work"); they are rounded up. Work is counted in
/// firm updates: one firm for one quarter is 1, and the other agents are weighted by what a quarter of
/// theirs costs against a firm's. A cluster pair is dear because spillovers, migration and the
/// relatedness-weighted pools visit every pair every quarter.
/// </remarks>
/// <param name="MemoryBytes">Estimated peak memory of one run, in bytes.</param>
/// <param name="Work">Estimated work of one run over the whole horizon, in firm updates.</param>
/// <param name="Parts">The terms of the estimate, largest first, for the message that refuses it.</param>
public sealed record RunCost(double MemoryBytes, double Work, IReadOnlyList<RunCost.Part> Parts)
{
    /// <summary>One population's share of the estimate.</summary>
    /// <param name="What">e.g. "2,200,000,000 labs".</param>
    /// <param name="Key">The scenario key that sets it, e.g. <c>population.labs</c>.</param>
    /// <param name="MemoryBytes">Its memory.</param>
    /// <param name="Work">Its work over the horizon.</param>
    public sealed record Part(string What, string Key, double MemoryBytes, double Work);

    /// <summary>The process itself: runtime, silo, scenario and buffers (measured: about 70 MB).</summary>
    public const double BaseBytes = 100e6;
    /// <summary>Bytes per firm, allowing for the population growing by half through entry.</summary>
    public const double BytesPerFirm = 1.5 * 120;
    /// <summary>Bytes per lab (measured: 290 on the reference engine, 400 on Orleans).</summary>
    public const double BytesPerLab = 500;
    /// <summary>Bytes per fund with its portfolio (measured: 8 KB reference, 19 KB Orleans), besides its holdings.</summary>
    public const double BytesPerFund = 24_000;
    /// <summary>
    /// Bytes per slot of a fund's holdings: a fund keeps what it invested in each cluster, and the productivity it
    /// invested at, for every quarter of the holding period (two doubles, 16 bytes; measured: 20 with what the
    /// engine keeps beside them, 20,000 funds by 500 clusters by 20 quarters peaking at 4.4 GB). Funds times
    /// clusters is the product that a per-population estimate misses: 200,000 funds and 500 clusters, each within
    /// its limit, hold 2e9 slots.
    /// </summary>
    public const double BytesPerHoldingSlot = 24;
    /// <summary>Bytes per cluster: its grains, pools and metrics rows (measured: about 200 KB on Orleans).</summary>
    public const double BytesPerCluster = 250_000;
    /// <summary>Bytes per ordered cluster pair: the relatedness matrix and what is kept per pair.</summary>
    public const double BytesPerClusterPair = 64;
    /// <summary>A lab's quarter against a firm's.</summary>
    public const double LabWork = 4;
    /// <summary>A fund's quarter against a firm's.</summary>
    public const double FundWork = 4;
    /// <summary>A cluster pair's quarter against a firm's (measured: about 20 microseconds a pair under load).</summary>
    public const double ClusterPairWork = 40;

    /// <summary>The cost of running <paramref name="world"/> to its last tick.</summary>
    public static RunCost Of(WorldSpec world) =>
        Of(world.Firms, world.Labs.Sum(g => (long)g.Count), world.Funds.Sum(g => (long)g.Count), world.ClusterCount, world.Ticks,
            FinanceRules.HoldingTicks(world.ParametersAt(0), WorldSpec.TicksPerYear));

    /// <summary>
    /// The cost of a run with these populations over <paramref name="ticks"/> quarters, its funds holding each
    /// investment for <paramref name="holdingTicks"/> quarters (<see cref="FinanceRules.HoldingTicks"/>).
    /// </summary>
    public static RunCost Of(long firms, long labs, long funds, long clusters, int ticks, int holdingTicks)
    {
        double pairs = (double)clusters * clusters;
        double holdings = (double)funds * clusters * holdingTicks;
        Part[] parts =
        [
            new($"{Count(firms)} firms", "population.firms", firms * BytesPerFirm, (double)firms * ticks),
            new($"{Count(labs)} labs", "population.labs", labs * BytesPerLab, LabWork * labs * ticks),
            new($"{Count(funds)} funds", "population.funds", funds * BytesPerFund + holdings * BytesPerHoldingSlot, FundWork * funds * ticks),
            new($"{Count(clusters)} clusters", "clusters", clusters * BytesPerCluster + pairs * BytesPerClusterPair, ClusterPairWork * pairs * ticks),
        ];
        return new RunCost(BaseBytes + parts.Sum(p => p.MemoryBytes), parts.Sum(p => p.Work),
            [.. parts.OrderByDescending(p => Math.Max(p.MemoryBytes / ScenarioLimits.DefaultMaxMemoryBytes, p.Work / ScenarioLimits.DefaultMaxWork))]);
    }

    /// <summary>A byte count for people, e.g. "23.4 GiB" or "310 MiB".</summary>
    public static string Bytes(double bytes) => Bytes(bytes, 0);

    /// <summary>A work figure for people, e.g. "8.1e6 firm updates".</summary>
    public static string Updates(double work) => Updates(work, 0);

    /// <summary>
    /// An estimate over its ceiling and the ceiling, in bytes, with as many more decimals as it takes (up to four)
    /// for them not to read alike: "8.01 GiB, over the ceiling of 8.00 GiB", not "8.0 GiB, over the ceiling of 8.0 GiB".
    /// </summary>
    public static (string Estimate, string Ceiling) BytesApart(double estimate, double ceiling) => Apart(Bytes, estimate, ceiling);

    /// <summary>As <see cref="BytesApart"/>, for work in firm updates.</summary>
    public static (string Estimate, string Ceiling) UpdatesApart(double estimate, double ceiling) => Apart(Updates, estimate, ceiling);

    private static (string, string) Apart(Func<double, int, string> format, double estimate, double ceiling)
    {
        for (int more = 0; ; more++)
        {
            var (a, b) = (format(estimate, more), format(ceiling, more));
            if (a != b || more == 4) return (a, b);
        }
    }

    private static string Bytes(double bytes, int more) => bytes >= 1 << 30
        ? Fixed(bytes / (1 << 30), 1 + more) + " GiB"
        : Fixed(bytes / (1 << 20), more) + " MiB";

    private static string Updates(double work, int more) =>
        work.ToString("0." + new string('0', 1 + more) + "e0", CultureInfo.InvariantCulture) + " firm updates";

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
