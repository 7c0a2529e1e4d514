using EcoSim.Experiments.Engines;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Output;

/// <summary>
/// What a run writes about single firms: the optional panel (<c>firms.parquet</c>, every
/// <c>panelEvery</c> ticks and the last) and the sizes for the firm-size plot (revenue of live firms at
/// the first and the last tick). Says which ticks it needs a firm census of, and takes each census as
/// it arrives, keeping nothing of it but the plot's reduced distributions.
/// </summary>
internal sealed class RunFirmOutputs : IAsyncDisposable
{
    private readonly FirmPanelWriter? _panel;
    private readonly IReadOnlySet<int> _panelTicks;
    private readonly IReadOnlySet<int> _sizeTicks;
    private readonly List<FirmSizeDistribution> _sizes = [];

    private RunFirmOutputs(FirmPanelWriter? panel, IReadOnlySet<int> panelTicks, IReadOnlySet<int> sizeTicks)
    {
        _panel = panel;
        _panelTicks = panelTicks;
        _sizeTicks = sizeTicks;
        // Only the panel writes exited firms; the sizes are the live firms'.
        Ticks = new CensusTicks(sizeTicks, panelTicks);
    }

    /// <summary>The ticks whose firms are needed.</summary>
    public IReadOnlySet<int> Ticks { get; }

    /// <summary>The firm-size distributions collected so far (first and last tick).</summary>
    public IReadOnlyList<FirmSizeDistribution> SizeDistributions => _sizes;

    /// <summary>
    /// Starts the outputs: the panel at <paramref name="panelPath"/> (its metadata from <paramref name="provenance"/>) when
    /// <paramref name="panelEvery"/> is set, the sizes when <paramref name="sizePlot"/>.
    /// </summary>
    public static async Task<RunFirmOutputs> CreateAsync(WorldSpec world, int? panelEvery, string panelPath, bool sizePlot, ParquetProvenance provenance, CancellationToken cancellation)
    {
        var panel = panelEvery is not null ? await FirmPanelWriter.CreateAsync(panelPath, [.. world.Clusters.Select(c => c.Id)], provenance, cancellation) : null;
        IReadOnlySet<int> panelTicks = panelEvery is int every ? FirmPanelFormat.Ticks(world.Ticks, every) : new HashSet<int>();
        IReadOnlySet<int> sizeTicks = sizePlot ? new HashSet<int> { 0, world.Ticks - 1 } : new HashSet<int>();
        return new RunFirmOutputs(panel, panelTicks, sizeTicks);
    }

    /// <summary>Takes a finished tick: writes its firms to the panel and keeps their sizes if its tick is wanted.</summary>
    public async Task AddAsync(SimulatedTick tick, CancellationToken cancellation)
    {
        if (tick.Firms is not { } census) return;
        string period = tick.Outcome.Rows[^1].Period;
        if (_panel is not null && _panelTicks.Contains(census.Tick)) await _panel.WriteAsync(census, period, cancellation);
        if (_sizeTicks.Contains(census.Tick))
            _sizes.Add(FirmSizeDistribution.Of(period, census.Clusters.SelectMany(c => Enumerable.Range(0, c.Count).Where(i => c.Alive[i]).Select(i => c.Revenue[i]))));
    }

    /// <summary>Finishes the panel's file.</summary>
    public async Task CompleteAsync()
    {
        if (_panel is not null) await _panel.CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_panel is not null) await _panel.DisposeAsync();
    }
}
