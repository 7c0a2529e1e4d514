using BenchmarkDotNet.Attributes;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Bench;

/// <summary>
/// Each submodel of a tick alone, over the whole region (20 clusters, about 400 labs, 36 funds) on the
/// inputs it saw in the fourth tick of the baseline. The firm phase, the only one that grows with the
/// firms, is <see cref="FirmPhaseBenchmarks"/>. "ns/firm/tick" is the phase's share of a tick per firm.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerFirmConfig))]
public class SubmodelBenchmarks
{
    private RegionAtTick _region = null!;
    private LastTick _last = null!;
    private LabState[] _labs = [];

    [Params(100_000)]
    public int Firms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _region = RegionAtTick.After(BenchWorlds.Baseline(Firms, 8), 4);
        _region.CheckAgainstReference();
        _last = _region.Last;
        _labs = new LabState[_last.LabsBefore.Length];
    }

    [Benchmark(Description = "1 policy: budget allocation")]
    public BudgetAllocation Policy() => PolicyPhase.Allocate(_region.Spec, _region.Constants.ClusterKeys, _last.Tick);

    [Benchmark(Description = "2 research: every lab, merged by cluster")]
    public LabReport[] Research()
    {
        Array.Copy(_last.LabsBefore, _labs, _labs.Length);
        var reports = new LabReport[_region.Spec.ClusterCount];
        for (int c = 0; c < reports.Length; c++) reports[c] = LabReport.Empty(c);
        for (int l = 0; l < _labs.Length; l++)
        {
            int c = _labs[l].Cluster;
            reports[c].Sums.Merge(ResearchPhase.Step(ref _labs[l], _region.Spec, _last.Tick, _last.LabInputs[c]).Sums);
        }
        return reports;
    }

    [Benchmark(Description = "3 gather: cluster signals")]
    public ClusterSignals Gather()
    {
        ClusterSignals signals = null!;
        for (int c = 0; c < _region.Spec.ClusterCount; c++)
            (signals, _) = ClusterPhase.Gather(_region.Spec, _region.Constants, _last.Tick, _last.ClustersBefore[c], _last.Budget,
                _last.LabReports[c], _last.TalentBefore[c], _last.SnapshotBefore);
        return signals;
    }

    [Benchmark(Description = "5 finance: every fund")]
    public FundReport Finance()
    {
        var funds = new FundReport(new SumVector(FundSums.Count(_region.Spec.ClusterCount)));
        foreach (var fund in _region.Funds)
            funds.Sums.Merge(FinancePhase.Invest(fund, _region.Spec, _region.Constants, _last.Tick, _last.Budget, _last.SnapshotBefore).Sums);
        return funds;
    }

    [Benchmark(Description = "6 talent: every pool clears")]
    public TalentPoolState Talent()
    {
        TalentPoolState pool = null!;
        for (int c = 0; c < _region.Spec.ClusterCount; c++)
            pool = TalentPhase.Clear(_last.TalentBefore[c], _region.Spec, _last.Tick, _last.ResearcherDemand[c], _last.Budget, _last.SnapshotBefore);
        return pool;
    }

    [Benchmark(Description = "7 entry: entrants planned")]
    public int Entry()
    {
        int entrants = 0;
        for (int c = 0; c < _region.Spec.ClusterCount; c++)
            entrants += EntryPhase.Plan(_region.Spec, _last.Tick, _last.Signals[c], _last.ClustersGathered[c],
                (int)_last.LabReports[c].Sums[LabSums.SpinOffs], (int)_last.Funds.Sums[FundSums.Deals(c)]).Firms.Count;
        return entrants;
    }

    [Benchmark(Description = "8 collect: cluster rows, region row")]
    public TickOutcome Collect() => TickPlan.Collect(_region.Spec, _region.Constants, _last.Tick, _last.Collected);
}
