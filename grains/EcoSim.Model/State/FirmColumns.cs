namespace EcoSim.Model.State;

/// <summary>
/// A copy of the state of firms of one cluster, column by column, as it was when copied, in index order: firm <c>i</c>
/// has cluster index <see cref="Index"/>[i]. Readers pair and name firms by that column, never by position, because a
/// shard that drops its dead firms moves the live ones to other slots. Dead firms still held are included (their
/// <see cref="Alive"/> is false and the rest is their state when they exited): those a run keeps until a census reports
/// them (<see cref="ExitRetention"/>), so the indices may leave gaps where firms were let go.
/// </summary>
/// <param name="Cluster">Cluster of the firms.</param>
/// <param name="FirstIndex">Lowest cluster index the copied range of the shard may hold (the first firm's index while no firm before it has been dropped).</param>
/// <param name="Productivity">Productivity index.</param>
/// <param name="Weight">Market weight.</param>
/// <param name="Revenue">Revenue, bn yuan/yr.</param>
/// <param name="RdIntensity">Target R&amp;D intensity.</param>
/// <param name="RdStock">R&amp;D stock, bn yuan.</param>
/// <param name="Cash">Cash, bn yuan.</param>
/// <param name="Researchers">Researchers employed.</param>
/// <param name="Age">Age in ticks.</param>
/// <param name="Vintage">Technology generation in use.</param>
/// <param name="Alive">Whether the firm is alive.</param>
/// <param name="CertifiedTick">Tick of the firm's last certification as a high-tech enterprise, or <see cref="FirmRecord.NotCertified"/>.</param>
/// <param name="Index">Cluster index of each firm, increasing: what names it and pairs it across censuses.</param>
public sealed record FirmColumns(int Cluster, long FirstIndex, double[] Productivity, double[] Weight, double[] Revenue, double[] RdIntensity,
    double[] RdStock, double[] Cash, double[] Researchers, int[] Age, int[] Vintage, bool[] Alive, int[] CertifiedTick, long[] Index)
{
    /// <summary>Number of firms.</summary>
    public int Count => Productivity.Length;

    /// <summary>
    /// A copy of every firm <paramref name="shard"/> holds, in index order: its live slots merged with the firms it has
    /// dropped at exit (<see cref="FirmShard.Exited"/>), so the copy is the same however often the shard was compacted.
    /// </summary>
    public static FirmColumns Of(FirmShard shard) => shard.Exited is { Count: > 0 } ? Merged(shard, null) : Of(shard, 0, shard.Count);

    /// <summary>A copy of <paramref name="count"/> live firm slots of <paramref name="shard"/> from slot <paramref name="from"/> (to cut a cluster's firms into shards).</summary>
    public static FirmColumns Of(FirmShard shard, int from, int count)
    {
        if (from < 0 || count < 0 || from + count > shard.Count) throw new ArgumentOutOfRangeException(nameof(count), $"slots {from}..{from + count - 1} of a shard of {shard.Count}");
        var range = new Range(from, from + count);
        var alive = new bool[count];
        for (int i = 0; i < count; i++) alive[i] = shard.Alive[from + i] != 0;
        long first = from == 0 ? shard.FirstIndex : from < shard.Count ? shard.Index[from] : shard.NextIndex;
        return new(shard.Cluster, first, shard.Productivity[range], shard.Weight[range], shard.Revenue[range], shard.RdIntensity[range],
            shard.RdStock[range], shard.Cash[range], shard.Researchers[range], shard.Age[range], shard.Vintage[range], alive, shard.CertifiedTick[range], shard.Index[range]);
    }

    /// <summary>
    /// A copy of the firms of <paramref name="shard"/> whose indices lie in [<paramref name="fromIndex"/>, <paramref name="toIndex"/>),
    /// with <paramref name="fromIndex"/> as its first index: how a cluster's firms read from a snapshot, where dropped exits
    /// leave gaps, are cut into shards by index range. The shard must hold no firms apart (<see cref="FirmShard.ExitedCount"/> 0),
    /// as a shard read from a snapshot does not.
    /// </summary>
    /// <exception cref="ArgumentException">The shard keeps exited firms apart, or the range is empty or reversed.</exception>
    public static FirmColumns OfIndices(FirmShard shard, long fromIndex, long toIndex)
    {
        if (shard.ExitedCount > 0) throw new ArgumentException($"cluster {shard.Cluster}: a shard that keeps {shard.ExitedCount} exited firms apart is not cut by index", nameof(shard));
        if (toIndex <= fromIndex) throw new ArgumentException($"indices {fromIndex}..{toIndex - 1} are no range", nameof(toIndex));
        int Slot(long index)
        {
            int slot = Array.BinarySearch(shard.Index, 0, shard.Count, index);
            return slot < 0 ? ~slot : slot;
        }
        int from = Slot(fromIndex), to = Slot(toIndex);
        return Of(shard, from, to - from) with { FirstIndex = fromIndex };
    }

    /// <summary>
    /// A copy of every firm of <paramref name="shard"/> (as <see cref="Of(FirmShard)"/>) written into <paramref name="kept"/>'s
    /// arrays when they have the right size, else into new ones: what a checkpoint taken again and again copies into, so
    /// the copy leaves no garbage until the shard grows. The caller must not let anyone read <paramref name="kept"/> meanwhile.
    /// </summary>
    public static FirmColumns Into(FirmShard shard, FirmColumns? kept)
    {
        if (shard.Exited is { Count: > 0 }) return Merged(shard, kept);
        int n = shard.Count;
        if (kept is null || kept.Count != n || kept.Cluster != shard.Cluster) return Of(shard);
        shard.Productivity.AsSpan(0, n).CopyTo(kept.Productivity);
        shard.Weight.AsSpan(0, n).CopyTo(kept.Weight);
        shard.Revenue.AsSpan(0, n).CopyTo(kept.Revenue);
        shard.RdIntensity.AsSpan(0, n).CopyTo(kept.RdIntensity);
        shard.RdStock.AsSpan(0, n).CopyTo(kept.RdStock);
        shard.Cash.AsSpan(0, n).CopyTo(kept.Cash);
        shard.Researchers.AsSpan(0, n).CopyTo(kept.Researchers);
        shard.Age.AsSpan(0, n).CopyTo(kept.Age);
        shard.Vintage.AsSpan(0, n).CopyTo(kept.Vintage);
        shard.CertifiedTick.AsSpan(0, n).CopyTo(kept.CertifiedTick);
        shard.Index.AsSpan(0, n).CopyTo(kept.Index);
        for (int i = 0; i < n; i++) kept.Alive[i] = shard.Alive[i] != 0;
        return kept.FirstIndex == shard.FirstIndex ? kept : kept with { FirstIndex = shard.FirstIndex };
    }

    // The live slots and the exited firms of `shard`, merged by index, into `kept`'s arrays when they fit.
    private static FirmColumns Merged(FirmShard shard, FirmColumns? kept)
    {
        var exited = shard.Exited!;
        int n = shard.Count + exited.Count;
        var into = kept is not null && kept.Count == n && kept.Cluster == shard.Cluster
            ? kept with { FirstIndex = shard.FirstIndex }
            : new FirmColumns(shard.Cluster, shard.FirstIndex, new double[n], new double[n], new double[n], new double[n], new double[n], new double[n],
                new double[n], new int[n], new int[n], new bool[n], new int[n], new long[n]);
        int a = 0, b = 0;
        for (int k = 0; k < n; k++)
        {
            bool live = b == exited.Count || (a < shard.Count && shard.Index[a] < exited.Index[b]);
            var (from, i) = live ? (shard, a++) : (exited, b++);
            into.Productivity[k] = from.Productivity[i];
            into.Weight[k] = from.Weight[i];
            into.Revenue[k] = from.Revenue[i];
            into.RdIntensity[k] = from.RdIntensity[i];
            into.RdStock[k] = from.RdStock[i];
            into.Cash[k] = from.Cash[i];
            into.Researchers[k] = from.Researchers[i];
            into.Age[k] = from.Age[i];
            into.Vintage[k] = from.Vintage[i];
            into.Alive[k] = from.Alive[i] != 0;
            into.CertifiedTick[k] = from.CertifiedTick[i];
            into.Index[k] = from.Index[i];
        }
        return into;
    }

    /// <summary>
    /// Joins the columns of parts of one cluster (shards in index order) into one. The parts' indices may leave gaps
    /// (firms a shard has dropped) but must not overlap or go back.
    /// </summary>
    /// <exception cref="ArgumentException">The parts are of different clusters or their indices overlap or are out of order.</exception>
    public static FirmColumns Concat(int cluster, IReadOnlyList<FirmColumns> parts)
    {
        long first = parts.Count > 0 ? parts[0].FirstIndex : 0, next = first, total = 0;
        foreach (var part in parts)
        {
            if (part.Cluster != cluster) throw new ArgumentException($"a part of cluster {part.Cluster} among the firms of cluster {cluster}", nameof(parts));
            long from = part.Count > 0 ? part.Index[0] : part.FirstIndex;
            if (from < next || part.FirstIndex < next) throw new ArgumentException($"cluster {cluster}: firms from {next} expected, a part starts at {from}", nameof(parts));
            if (part.Count > 0) next = part.Index[^1] + 1;
            total += part.Count;
        }
        // Block copies: a checkpoint joins every cluster's shards, millions of values, and an element-wise join costs
        // several times a memory copy.
        T[] Join<T>(Func<FirmColumns, T[]> column)
        {
            var joined = GC.AllocateUninitializedArray<T>(checked((int)total));
            int at = 0;
            foreach (var part in parts)
            {
                column(part).CopyTo(joined, at);
                at += part.Count;
            }
            return joined;
        }
        return new(cluster, first, Join(p => p.Productivity), Join(p => p.Weight), Join(p => p.Revenue), Join(p => p.RdIntensity),
            Join(p => p.RdStock), Join(p => p.Cash), Join(p => p.Researchers), Join(p => p.Age), Join(p => p.Vintage), Join(p => p.Alive), Join(p => p.CertifiedTick), Join(p => p.Index));
    }

    /// <summary>One firm's state, by its position in these columns.</summary>
    public FirmRecord Read(int i) => new(Productivity[i], Weight[i], Revenue[i], RdIntensity[i], RdStock[i], Cash[i], Researchers[i], Age[i], Vintage[i], Alive[i], CertifiedTick[i]);
}
