using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.State;

namespace EcoSim.Model.Phases;

/// <summary>
/// The cluster indices of a group of firms, as the lane code keys their random streams: loaded from the shard's index
/// column (<see cref="FirmShard.Index"/>), never derived from the slot, so a firm draws the same numbers wherever it
/// sits. The one place the lanes get their indices, so that wider lanes change only this.
/// </summary>
internal static class FirmLaneIndices
{
    /// <summary>The indices of the firms at slots [<paramref name="i"/>, i + 4) of <paramref name="shard"/>, one a lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> At(FirmShard shard, int i) => Vector256.Create<long>(shard.Index.AsSpan(i, 4)).AsUInt64();
}
