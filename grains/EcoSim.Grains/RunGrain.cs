using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Grains;

/// <summary>
/// Drives one run: the same phases, in the same order, as the reference engine, each phase a parallel
/// fan-out over the run's grains followed by a barrier (await Task.WhenAll). Reports are merged with
/// exact sums, so the result does not depend on where grains live or in what order they answer.
/// </summary>
public sealed class RunGrain(RunContextCache runs) : Grain, IRunGrain
{
    private RunContext? _run;
    private TalentPoolState[] _talent = [];
    private RegionSnapshot? _snapshot;
    private int _tick;

    private string RunId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task Start(WorldSpec world, RunLayout layout)
    {
        if (_run is not null) throw new InvalidOperationException($"run '{RunId}' was already started");
        await GrainFactory.GetGrain<IWorldGrain>(RunId).Set(world);
        _run = await runs.Get(RunId);
        int n = world.ClusterCount;
        var starts = await Task.WhenAll(Enumerable.Range(0, n).Select(c => Cluster(c).Initialize(layout.FirmsPerShard)));
        var labDemand = InitialRegion.LabDemand(world, _run.Constants);
        _talent = await Task.WhenAll(Enumerable.Range(0, n).Select(c => Talent(c).Initialize(starts[c].FirmResearcherDemand + labDemand[c])));
        _snapshot = new RegionSnapshot(
            [.. starts.Select(s => s.AvailableKnowledge)],
            [.. starts.Select(_ => 1.0)],
            [.. world.Clusters.Select(c => c.Revenue)],
            [.. starts.Select(s => s.MeanProductivity)],
            new TalentSnapshot([.. _talent.Select(t => t.Researchers)], [.. _talent.Select(t => t.Wage)]));
    }

    /// <inheritdoc/>
    public async Task<TickRows> Step()
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        var world = run.World;
        if (_tick >= world.Ticks) throw new InvalidOperationException($"run '{RunId}' has finished all {world.Ticks} ticks");
        int t = _tick, n = world.ClusterCount;
        var snapshot = _snapshot!;
        var clusters = Enumerable.Range(0, n).ToArray();

        var budget = await GrainFactory.GetGrain<IPolicyGrain>(RunId).Allocate(t);
        var labs = await Task.WhenAll(clusters.Select(c => Cluster(c).Research(t, LabInputs.For(world, budget, c, t, _talent[c], snapshot.Opportunity[c]))));
        var signals = await Task.WhenAll(clusters.Select(c => Cluster(c).Gather(t, budget, labs[c], _talent[c], snapshot)));
        var firms = await Task.WhenAll(clusters.Select(c => Cluster(c).StepFirms(t)));
        var fundReports = await Task.WhenAll(Enumerable.Range(0, run.Constants.FundKinds.Length)
            .Select(f => GrainFactory.GetGrain<IFundGrain>(GrainKeys.Fund(RunId, f)).Invest(t, budget, snapshot)));
        var funds = new FundReport(new SumVector(FundSums.Count(n)));
        foreach (var report in fundReports) funds.Sums.Merge(report.Sums);
        _talent = await Task.WhenAll(clusters.Select(c => Talent(c).Clear(t,
            firms[c].Sums[FirmSums.ResearcherDemand] + labs[c].Sums[LabSums.ResearcherDemand], budget, snapshot)));
        var closes = await Task.WhenAll(clusters.Select(c => Cluster(c).Enter(t,
            (int)labs[c].Sums[LabSums.SpinOffs], (int)funds.Sums[FundSums.Deals(c)], funds, _talent[c])));

        _snapshot = new RegionSnapshot(
            [.. closes.Select(r => r.AvailableKnowledge)],
            [.. signals.Select(s => s.Opportunity)],
            [.. signals.Select(s => s.Demand)],
            [.. closes.Select(r => r.MeanProductivity)],
            new TalentSnapshot([.. _talent.Select(p => p.Researchers)], [.. _talent.Select(p => p.Wage)]));
        _tick++;
        var outcomes = closes.Select(r => r.Outcome).ToArray();
        var rows = new List<MetricsRow>(n + 1);
        rows.AddRange(outcomes.Select(o => o.Row));
        rows.Add(MetricsPhase.RegionRow(world, t, outcomes));
        return new TickRows(t, rows);
    }

    /// <inheritdoc/>
    public Task<FirmColumns> Firms(int tick, int cluster)
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        if (tick != _tick - 1) throw new InvalidOperationException($"run '{RunId}': the firms of tick {tick} were asked for, but the last tick run is {_tick - 1}");
        if (cluster < 0 || cluster >= run.World.ClusterCount) throw new ArgumentOutOfRangeException(nameof(cluster), cluster, $"the run has clusters 0..{run.World.ClusterCount - 1}");
        return Cluster(cluster).Firms();
    }

    /// <inheritdoc/>
    public Task<RunProgress> Progress() => Task.FromResult(new RunProgress(_tick, _run?.World.Ticks ?? 0));

    /// <inheritdoc/>
    public async Task Stop()
    {
        if (_run is { } run)
        {
            int n = run.World.ClusterCount;
            await Task.WhenAll(Enumerable.Range(0, n).Select(c => Cluster(c).Release())
                .Concat(Enumerable.Range(0, n).Select(c => Talent(c).Release()))
                .Concat(Enumerable.Range(0, run.Constants.FundKinds.Length).Select(f => GrainFactory.GetGrain<IFundGrain>(GrainKeys.Fund(RunId, f)).Release())));
            await GrainFactory.GetGrain<IWorldGrain>(RunId).Release();
        }
        runs.Forget(RunId);
        DeactivateOnIdle();
    }

    private IClusterGrain Cluster(int c) => GrainFactory.GetGrain<IClusterGrain>(GrainKeys.Cluster(RunId, c));
    private ITalentPoolGrain Talent(int c) => GrainFactory.GetGrain<ITalentPoolGrain>(GrainKeys.Cluster(RunId, c));
}
