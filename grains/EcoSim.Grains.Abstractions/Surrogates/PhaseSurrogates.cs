using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Grains.Abstractions.Surrogates;

/// <summary>Wire form of a <see cref="SumVector"/>: its raw fixed-point totals.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SumVectorSurrogate([property: Id(0)] Int128[] Raw);

/// <summary>Converts <see cref="SumVector"/>.</summary>
[RegisterConverter]
public sealed class SumVectorConverter : IConverter<SumVector, SumVectorSurrogate>
{
    /// <inheritdoc/>
    public SumVector ConvertFromSurrogate(in SumVectorSurrogate s) => new(s.Raw);
    /// <inheritdoc/>
    public SumVectorSurrogate ConvertToSurrogate(in SumVector v) => new(v.Raw.ToArray());
}

/// <summary>Wire form of a <see cref="BudgetAllocation"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct BudgetAllocationSurrogate([property: Id(0)] int Tick, [property: Id(1)] double[] Values);

/// <summary>Converts <see cref="BudgetAllocation"/>.</summary>
[RegisterConverter]
public sealed class BudgetAllocationConverter : IConverter<BudgetAllocation, BudgetAllocationSurrogate>
{
    /// <inheritdoc/>
    public BudgetAllocation ConvertFromSurrogate(in BudgetAllocationSurrogate s) => new(s.Tick, s.Values);
    /// <inheritdoc/>
    public BudgetAllocationSurrogate ConvertToSurrogate(in BudgetAllocation v) => new(v.Tick, v.ByClusterAndLink);
}

/// <summary>Wire form of a <see cref="LabInputs"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct LabInputsSurrogate(
    [property: Id(0)] double BasicFunding, [property: Id(1)] double AppliedFunding, [property: Id(2)] double FillRate,
    [property: Id(3)] double Wage, [property: Id(4)] double Opportunity, [property: Id(5)] double KnowledgeMultiplier);

/// <summary>Converts <see cref="LabInputs"/>.</summary>
[RegisterConverter]
public sealed class LabInputsConverter : IConverter<LabInputs, LabInputsSurrogate>
{
    /// <inheritdoc/>
    public LabInputs ConvertFromSurrogate(in LabInputsSurrogate s) => new(s.BasicFunding, s.AppliedFunding, s.FillRate, s.Wage, s.Opportunity, s.KnowledgeMultiplier);
    /// <inheritdoc/>
    public LabInputsSurrogate ConvertToSurrogate(in LabInputs v) => new(v.BasicFunding, v.AppliedFunding, v.FillRate, v.Wage, v.Opportunity, v.KnowledgeMultiplier);
}

/// <summary>Wire form of a <see cref="LabReport"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct LabReportSurrogate([property: Id(0)] int Cluster, [property: Id(1)] SumVector Sums);

/// <summary>Converts <see cref="LabReport"/>.</summary>
[RegisterConverter]
public sealed class LabReportConverter : IConverter<LabReport, LabReportSurrogate>
{
    /// <inheritdoc/>
    public LabReport ConvertFromSurrogate(in LabReportSurrogate s) => new(s.Cluster, s.Sums);
    /// <inheritdoc/>
    public LabReportSurrogate ConvertToSurrogate(in LabReport v) => new(v.Cluster, v.Sums);
}

/// <summary>Wire form of a <see cref="FirmReport"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FirmReportSurrogate([property: Id(0)] int Cluster, [property: Id(1)] SumVector Sums, [property: Id(2)] double Frontier);

/// <summary>Converts <see cref="FirmReport"/>.</summary>
[RegisterConverter]
public sealed class FirmReportConverter : IConverter<FirmReport, FirmReportSurrogate>
{
    /// <inheritdoc/>
    public FirmReport ConvertFromSurrogate(in FirmReportSurrogate s) => new(s.Cluster, s.Sums, s.Frontier);
    /// <inheritdoc/>
    public FirmReportSurrogate ConvertToSurrogate(in FirmReport v) => new(v.Cluster, v.Sums, v.Frontier);
}

/// <summary>Wire form of a <see cref="FundReport"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FundReportSurrogate([property: Id(0)] SumVector Sums);

/// <summary>Converts <see cref="FundReport"/>.</summary>
[RegisterConverter]
public sealed class FundReportConverter : IConverter<FundReport, FundReportSurrogate>
{
    /// <inheritdoc/>
    public FundReport ConvertFromSurrogate(in FundReportSurrogate s) => new(s.Sums);
    /// <inheritdoc/>
    public FundReportSurrogate ConvertToSurrogate(in FundReport v) => new(v.Sums);
}

/// <summary>Wire form of a <see cref="ClusterSignals"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ClusterSignalsSurrogate(
    [property: Id(0)] int Tick, [property: Id(1)] int Cluster, [property: Id(2)] double Demand, [property: Id(3)] double WeightTotal,
    [property: Id(4)] double MeanProductivity, [property: Id(5)] double Frontier, [property: Id(6)] double Firms,
    [property: Id(7)] double Opportunity, [property: Id(8)] int Generation, [property: Id(9)] double AdopterShare,
    [property: Id(10)] double FillRate, [property: Id(11)] double Wage, [property: Id(12)] double TransformationFunding,
    [property: Id(13)] double RdUserCostRatio);

/// <summary>Converts <see cref="ClusterSignals"/>.</summary>
[RegisterConverter]
public sealed class ClusterSignalsConverter : IConverter<ClusterSignals, ClusterSignalsSurrogate>
{
    /// <inheritdoc/>
    public ClusterSignals ConvertFromSurrogate(in ClusterSignalsSurrogate s) => new()
    {
        Tick = s.Tick, Cluster = s.Cluster, Demand = s.Demand, WeightTotal = s.WeightTotal, MeanProductivity = s.MeanProductivity,
        Frontier = s.Frontier, Firms = s.Firms, Opportunity = s.Opportunity, Generation = s.Generation, AdopterShare = s.AdopterShare,
        FillRate = s.FillRate, Wage = s.Wage, TransformationFunding = s.TransformationFunding, RdUserCostRatio = s.RdUserCostRatio,
    };
    /// <inheritdoc/>
    public ClusterSignalsSurrogate ConvertToSurrogate(in ClusterSignals v) => new(v.Tick, v.Cluster, v.Demand, v.WeightTotal,
        v.MeanProductivity, v.Frontier, v.Firms, v.Opportunity, v.Generation, v.AdopterShare, v.FillRate, v.Wage,
        v.TransformationFunding, v.RdUserCostRatio);
}

/// <summary>Wire form of a <see cref="FirmRecord"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FirmRecordSurrogate(
    [property: Id(0)] double Productivity, [property: Id(1)] double Weight, [property: Id(2)] double Revenue,
    [property: Id(3)] double RdIntensity, [property: Id(4)] double RdStock, [property: Id(5)] double Cash,
    [property: Id(6)] double Researchers, [property: Id(7)] int Age, [property: Id(8)] int Vintage, [property: Id(9)] bool Alive,
    [property: Id(10)] int CertifiedTick);

/// <summary>Converts <see cref="FirmRecord"/>.</summary>
[RegisterConverter]
public sealed class FirmRecordConverter : IConverter<FirmRecord, FirmRecordSurrogate>
{
    /// <inheritdoc/>
    public FirmRecord ConvertFromSurrogate(in FirmRecordSurrogate s) =>
        new(s.Productivity, s.Weight, s.Revenue, s.RdIntensity, s.RdStock, s.Cash, s.Researchers, s.Age, s.Vintage, s.Alive, s.CertifiedTick);
    /// <inheritdoc/>
    public FirmRecordSurrogate ConvertToSurrogate(in FirmRecord v) =>
        new(v.Productivity, v.Weight, v.Revenue, v.RdIntensity, v.RdStock, v.Cash, v.Researchers, v.Age, v.Vintage, v.Alive, v.CertifiedTick);
}

/// <summary>Wire form of a <see cref="RegionSnapshot"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct RegionSnapshotSurrogate(
    [property: Id(0)] double[] AvailableKnowledge, [property: Id(1)] double[] Opportunity, [property: Id(2)] double[] Demand,
    [property: Id(3)] double[] MeanProductivity, [property: Id(4)] double[] Researchers, [property: Id(5)] double[] Wages);

/// <summary>Converts <see cref="RegionSnapshot"/>.</summary>
[RegisterConverter]
public sealed class RegionSnapshotConverter : IConverter<RegionSnapshot, RegionSnapshotSurrogate>
{
    /// <inheritdoc/>
    public RegionSnapshot ConvertFromSurrogate(in RegionSnapshotSurrogate s) =>
        new(s.AvailableKnowledge, s.Opportunity, s.Demand, s.MeanProductivity, new TalentSnapshot(s.Researchers, s.Wages));
    /// <inheritdoc/>
    public RegionSnapshotSurrogate ConvertToSurrogate(in RegionSnapshot v) =>
        new(v.AvailableKnowledge, v.Opportunity, v.Demand, v.MeanProductivity, v.Talent.Researchers, v.Talent.Wages);
}

/// <summary>Wire form of a <see cref="TalentPoolState"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TalentPoolStateSurrogate(
    [property: Id(0)] int Cluster, [property: Id(1)] double Researchers, [property: Id(2)] double Wage, [property: Id(3)] double FillRate,
    [property: Id(4)] double Demand, [property: Id(5)] double BaseResearchers, [property: Id(6)] double BaseLabFunding);

/// <summary>Converts <see cref="TalentPoolState"/>.</summary>
[RegisterConverter]
public sealed class TalentPoolStateConverter : IConverter<TalentPoolState, TalentPoolStateSurrogate>
{
    /// <inheritdoc/>
    public TalentPoolState ConvertFromSurrogate(in TalentPoolStateSurrogate s) =>
        new(s.Cluster, s.Researchers, s.Wage, s.FillRate, s.Demand, s.BaseResearchers, s.BaseLabFunding);
    /// <inheritdoc/>
    public TalentPoolStateSurrogate ConvertToSurrogate(in TalentPoolState v) =>
        new(v.Cluster, v.Researchers, v.Wage, v.FillRate, v.Demand, v.BaseResearchers, v.BaseLabFunding);
}

/// <summary>Wire form of a <see cref="EntrantSummary"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct EntrantSummarySurrogate([property: Id(0)] int Count, [property: Id(1)] SumVector Sums);

/// <summary>Converts <see cref="EntrantSummary"/>.</summary>
[RegisterConverter]
public sealed class EntrantSummaryConverter : IConverter<EntrantSummary, EntrantSummarySurrogate>
{
    /// <inheritdoc/>
    public EntrantSummary ConvertFromSurrogate(in EntrantSummarySurrogate s) => new(s.Count, s.Sums);
    /// <inheritdoc/>
    public EntrantSummarySurrogate ConvertToSurrogate(in EntrantSummary v) => new(v.Count, v.Sums);
}

/// <summary>Wire form of a <see cref="ClusterState"/>: it travels to the run grain once a tick, after entry, for the metrics and the snapshot.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ClusterStateSurrogate(
    [property: Id(0)] int Cluster, [property: Id(1)] double[] LagStages, [property: Id(2)] double LabKnowledge, [property: Id(3)] double TechnologyPool,
    [property: Id(4)] int Generation, [property: Id(5)] double BaseDemand, [property: Id(6)] double WeightTotal, [property: Id(7)] double MeanProductivity,
    [property: Id(8)] double BaseMeanProductivity, [property: Id(9)] double MeanLogProductivity, [property: Id(10)] double Frontier, [property: Id(11)] double Firms,
    [property: Id(12)] double AdopterShare, [property: Id(13)] long NextFirmIndex, [property: Id(14)] int[] Pipeline, [property: Id(15)] int Approvals);

/// <summary>Converts <see cref="ClusterState"/>.</summary>
[RegisterConverter]
public sealed class ClusterStateConverter : IConverter<ClusterState, ClusterStateSurrogate>
{
    /// <inheritdoc/>
    public ClusterState ConvertFromSurrogate(in ClusterStateSurrogate s) => new()
    {
        Cluster = s.Cluster, LagStages = s.LagStages, LabKnowledge = s.LabKnowledge, TechnologyPool = s.TechnologyPool,
        Generation = s.Generation, BaseDemand = s.BaseDemand, WeightTotal = s.WeightTotal, MeanProductivity = s.MeanProductivity,
        BaseMeanProductivity = s.BaseMeanProductivity, MeanLogProductivity = s.MeanLogProductivity, Frontier = s.Frontier, Firms = s.Firms,
        AdopterShare = s.AdopterShare, NextFirmIndex = s.NextFirmIndex, Pipeline = s.Pipeline, Approvals = s.Approvals,
    };
    /// <inheritdoc/>
    public ClusterStateSurrogate ConvertToSurrogate(in ClusterState v) => new(
        v.Cluster, v.LagStages, v.LabKnowledge, v.TechnologyPool, v.Generation, v.BaseDemand, v.WeightTotal, v.MeanProductivity,
        v.BaseMeanProductivity, v.MeanLogProductivity, v.Frontier, v.Firms, v.AdopterShare, v.NextFirmIndex, v.Pipeline, v.Approvals);
}

/// <summary>Wire form of a <see cref="FirmColumns"/>: primitive arrays, which Orleans copies as blocks.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FirmColumnsSurrogate(
    [property: Id(0)] int Cluster, [property: Id(1)] long FirstIndex, [property: Id(2)] double[] Productivity, [property: Id(3)] double[] Weight,
    [property: Id(4)] double[] Revenue, [property: Id(5)] double[] RdIntensity, [property: Id(6)] double[] RdStock, [property: Id(7)] double[] Cash,
    [property: Id(8)] double[] Researchers, [property: Id(9)] int[] Age, [property: Id(10)] int[] Vintage, [property: Id(11)] bool[] Alive, [property: Id(12)] int[] CertifiedTick,
    [property: Id(13)] long[] Index);

/// <summary>Converts <see cref="FirmColumns"/>.</summary>
[RegisterConverter]
public sealed class FirmColumnsConverter : IConverter<FirmColumns, FirmColumnsSurrogate>
{
    /// <inheritdoc/>
    public FirmColumns ConvertFromSurrogate(in FirmColumnsSurrogate s) =>
        new(s.Cluster, s.FirstIndex, s.Productivity, s.Weight, s.Revenue, s.RdIntensity, s.RdStock, s.Cash, s.Researchers, s.Age, s.Vintage, s.Alive, s.CertifiedTick, s.Index);
    /// <inheritdoc/>
    public FirmColumnsSurrogate ConvertToSurrogate(in FirmColumns v) =>
        new(v.Cluster, v.FirstIndex, v.Productivity, v.Weight, v.Revenue, v.RdIntensity, v.RdStock, v.Cash, v.Researchers, v.Age, v.Vintage, v.Alive, v.CertifiedTick, v.Index);
}

/// <summary>Wire form of an <see cref="ExitRetention"/>, which a run's layout carries to its cluster and firm shard grains.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ExitRetentionSurrogate([property: Id(0)] bool KeepsEvery, [property: Id(1)] int[] CensusTicks);

/// <summary>Converts <see cref="ExitRetention"/>.</summary>
[RegisterConverter]
public sealed class ExitRetentionConverter : IConverter<ExitRetention, ExitRetentionSurrogate>
{
    /// <inheritdoc/>
    public ExitRetention ConvertFromSurrogate(in ExitRetentionSurrogate s) => s.KeepsEvery ? ExitRetention.Every : ExitRetention.UntilReported(s.CensusTicks);
    /// <inheritdoc/>
    public ExitRetentionSurrogate ConvertToSurrogate(in ExitRetention v) => new(v.KeepsEvery, [.. v.CensusTicks]);
}
