using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;
using EcoSim.Model.State;

namespace EcoSim.Model.Phases;

/// <summary>
/// The cluster indices of a group of firms, as the lane code keys their random streams: loaded from the shard's index
/// column (<see cref="FirmShard.Index"/>), never derived from the slot, so a firm draws the same numbers wherever it
/// sits. The one place the lanes get their indices.
/// </summary>
internal static class FirmLaneIndices
{
    /// <summary>The indices of the firms at slots [<paramref name="i"/>, i + the lane count) of <paramref name="shard"/>, one a lane, as bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes At<TLanes>(FirmShard shard, int i) where TLanes : struct, ILanes<TLanes> =>
        TLanes.LoadBits(shard.Index.AsSpan(i, TLanes.Count));
}
