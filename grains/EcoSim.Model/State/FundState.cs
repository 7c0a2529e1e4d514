using EcoSim.Model.World;

namespace EcoSim.Model.State;

/// <summary>
/// One fund: its capital and the investments still held, by holding slot and cluster, with the
/// cluster's productivity at the time of investment (what its exit multiple is measured against).
/// </summary>
public sealed class FundState
{
    /// <summary>Global fund index.</summary>
    public required int Index { get; init; }
    /// <summary>Kind of fund.</summary>
    public required FundKind Kind { get; init; }
    /// <summary>Capital available to invest, bn yuan.</summary>
    public required double Capital { get; set; }
    /// <summary>Invested amounts, bn yuan, at [slot * clusters + cluster]; slot = tick mod holding ticks.</summary>
    public required double[] Held { get; init; }
    /// <summary>Cluster productivity when each held amount was invested, same layout.</summary>
    public required double[] HeldProductivity { get; init; }
}
