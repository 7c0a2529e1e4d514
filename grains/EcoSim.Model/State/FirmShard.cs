namespace EcoSim.Model.State;

/// <summary>
/// The firms of one cluster, stored as a struct of arrays and updated in place, in index order. Each firm's cluster
/// index is stored beside its state (<see cref="Index"/>) rather than derived from its slot, because its random streams
/// are keyed by that index: whatever moves a firm to another slot leaves its draws as they were. The tick drops the dead
/// firms from the arrays the firm step runs over (<see cref="Compact(int, ExitRetention)"/>) and keeps them apart, in
/// index order, with their state at exit (<see cref="Exited"/>), only as long as the run's <see cref="ExitRetention"/>
/// says: until the census that reports them (or for the whole run, for <c>inspect</c>'s own run), so a shard's memory
/// follows its living firms, not every firm ever appended. A full shard grows by an eighth rather than doubling:
/// doubling left up to half of a large shard's arrays empty for the rest of the run.
/// </summary>
public sealed class FirmShard
{
    /// <summary>Creates an empty shard.</summary>
    /// <param name="cluster">Cluster of its firms.</param>
    /// <param name="firstIndex">Cluster index of its first firm.</param>
    /// <param name="capacity">Initial capacity.</param>
    public FirmShard(int cluster, long firstIndex, int capacity)
    {
        Cluster = cluster;
        FirstIndex = firstIndex;
        NextIndex = firstIndex;
        Resize(Math.Max(capacity, 1));
    }

    /// <summary>Cluster of the shard's firms.</summary>
    public int Cluster { get; }
    /// <summary>Cluster index the shard's first firm has (or would have, while it is empty).</summary>
    public long FirstIndex { get; }
    /// <summary>
    /// The index <see cref="Append(in FirmRecord)"/> gives the next firm: one past the last firm ever appended, kept when
    /// <see cref="Compact(int, ExitRetention)"/> drops it, so an entrant gets the index it would have had.
    /// </summary>
    public long NextIndex { get; private set; }
    /// <summary>Number of firm slots in use: the live firms and those dead since the last <see cref="Compact(int, ExitRetention)"/>.</summary>
    public int Count { get; private set; }
    /// <summary>Number of firm slots the arrays hold (at least <see cref="Count"/>); the rest is room for entrants.</summary>
    public int Capacity => Productivity.Length;

    /// <summary>Fewest slots a full shard adds: a new shard filling from empty would otherwise copy its arrays at every entrant.</summary>
    public const int MinimumGrowth = 16;

    /// <summary>Productivity, index (2023 mean = 1).</summary>
    public double[] Productivity = [];
    /// <summary>Market weight: shares are weight over the cluster's total weight.</summary>
    public double[] Weight = [];
    /// <summary>Revenue, bn yuan/yr.</summary>
    public double[] Revenue = [];
    /// <summary>R&amp;D intensity the firm aims for, share of revenue, at the start-year user cost.</summary>
    public double[] RdIntensity = [];
    /// <summary>R&amp;D stock, bn yuan.</summary>
    public double[] RdStock = [];
    /// <summary>Cash, bn yuan (negative = debt).</summary>
    public double[] Cash = [];
    /// <summary>Researchers employed.</summary>
    public double[] Researchers = [];
    /// <summary>Age in ticks.</summary>
    public int[] Age = [];
    /// <summary>Technology generation the firm uses.</summary>
    public int[] Vintage = [];
    /// <summary>1 if the firm is alive.</summary>
    public byte[] Alive = [];
    /// <summary>The firm's cluster index, increasing slot by slot: what keys its random streams and names it.</summary>
    public long[] Index = [];
    /// <summary>Tick at which the firm was last certified a high-tech enterprise, or <see cref="FirmRecord.NotCertified"/>.</summary>
    public int[] CertifiedTick = [];

    /// <summary>A shard that takes the columns (each of the same length, one value per firm slot) as its own, as a snapshot gives them back.</summary>
    internal static FirmShard FromColumns(int cluster, long firstIndex, double[] productivity, double[] weight, double[] revenue, double[] rdIntensity,
        double[] rdStock, double[] cash, double[] researchers, int[] age, int[] vintage, byte[] alive, int[] certifiedTick, long[] index)
    {
        var shard = new FirmShard(cluster, firstIndex, 1);
        if (productivity.Length == 0) return shard;
        shard.Index = index;
        shard.NextIndex = index[^1] + 1;
        (shard.Productivity, shard.Weight, shard.Revenue, shard.RdIntensity, shard.RdStock, shard.Cash, shard.Researchers, shard.Age, shard.Vintage, shard.Alive) =
            (productivity, weight, revenue, rdIntensity, rdStock, cash, researchers, age, vintage, alive);
        shard.CertifiedTick = certifiedTick;
        shard.Count = productivity.Length;
        return shard;
    }

    /// <summary>
    /// A shard holding a copy of <paramref name="columns"/> (a shard of a cluster's firms given back from a snapshot), whose
    /// next entrant gets index <paramref name="nextIndex"/> (by default one past its last firm): a snapshot keeps only the
    /// firms still held, so the last indices a shard gave may belong to firms it no longer holds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nextIndex"/> is not past every firm of the columns.</exception>
    public static FirmShard Of(FirmColumns columns, long? nextIndex = null)
    {
        var alive = new byte[columns.Count];
        for (int i = 0; i < alive.Length; i++) alive[i] = columns.Alive[i] ? (byte)1 : (byte)0;
        var shard = FromColumns(columns.Cluster, columns.FirstIndex, [.. columns.Productivity], [.. columns.Weight], [.. columns.Revenue], [.. columns.RdIntensity],
            [.. columns.RdStock], [.. columns.Cash], [.. columns.Researchers], [.. columns.Age], [.. columns.Vintage], alive, [.. columns.CertifiedTick], [.. columns.Index]);
        if (nextIndex is long next) shard.ContinueAt(next);
        return shard;
    }

    /// <summary>Sets the index the next entrant gets (<see cref="NextIndex"/>) to <paramref name="next"/>, which must not be below it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="next"/> is below <see cref="NextIndex"/>.</exception>
    internal void ContinueAt(long next)
    {
        if (next < NextIndex)
            throw new ArgumentOutOfRangeException(nameof(next), next, $"cluster {Cluster}: the shard holds firms up to index {NextIndex - 1}, so its next index cannot be {next}");
        NextIndex = next;
    }

    /// <summary>Appends a firm with the next index (<see cref="NextIndex"/>) and returns its slot.</summary>
    public int Append(in FirmRecord firm) => Append(firm, NextIndex);

    /// <summary>Appends a firm with cluster index <paramref name="index"/> and returns its slot.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is below <see cref="NextIndex"/>: slots are in index order.</exception>
    public int Append(in FirmRecord firm, long index)
    {
        if (index < NextIndex)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"cluster {Cluster}: a shard's indices increase, and it has given indices up to {NextIndex - 1}");
        if (Count == Capacity) Resize(GrownCapacity(Count));
        int i = Count++;
        Index[i] = index;
        NextIndex = index + 1;
        Productivity[i] = firm.Productivity;
        Weight[i] = firm.Weight;
        Revenue[i] = firm.Revenue;
        RdIntensity[i] = firm.RdIntensity;
        RdStock[i] = firm.RdStock;
        Cash[i] = firm.Cash;
        Researchers[i] = firm.Researchers;
        Age[i] = firm.Age;
        Vintage[i] = firm.Vintage;
        Alive[i] = firm.Alive ? (byte)1 : (byte)0;
        CertifiedTick[i] = firm.CertifiedTick;
        return i;
    }

    /// <summary>
    /// The firms compaction has dropped from the live slots and still keeps, in index order, each with its state at exit
    /// (null while none is kept). The firm step never reads them; the census (<see cref="FirmColumns.Of(FirmShard)"/>),
    /// the snapshot and <see cref="Find"/> do.
    /// </summary>
    internal FirmShard? Exited { get; private set; }

    /// <summary>Number of exited firms compaction has dropped from the live slots and keeps apart.</summary>
    public int ExitedCount => Exited?.Count ?? 0;

    /// <summary>
    /// The state of the firm of cluster index <paramref name="index"/>, whether in the live slots or among the firms
    /// dropped at exit; null when the shard never held it.
    /// </summary>
    public FirmRecord? Find(long index)
    {
        int slot = SlotOf(index);
        if (slot >= 0) return Read(slot);
        int exited = Exited?.SlotOf(index) ?? -1;
        return exited >= 0 ? Exited!.Read(exited) : null;
    }

    /// <summary>The slot of the firm of cluster index <paramref name="index"/> among the live slots, or -1 when they hold no such firm.</summary>
    public int SlotOf(long index)
    {
        int slot = Array.BinarySearch(Index, 0, Count, index);
        return slot < 0 ? -1 : slot;
    }

    /// <summary>A copy of one firm's state.</summary>
    public FirmRecord Read(int slot) => new(Productivity[slot], Weight[slot], Revenue[slot], RdIntensity[slot], RdStock[slot],
        Cash[slot], Researchers[slot], Age[slot], Vintage[slot], Alive[slot] != 0, CertifiedTick[slot]);

    /// <summary>Copies the state of slot <paramref name="slot"/> to slot <paramref name="targetSlot"/> of <paramref name="target"/>.</summary>
    internal void CopySlot(int slot, FirmShard target, int targetSlot)
    {
        target.Productivity[targetSlot] = Productivity[slot];
        target.Weight[targetSlot] = Weight[slot];
        target.Revenue[targetSlot] = Revenue[slot];
        target.RdIntensity[targetSlot] = RdIntensity[slot];
        target.RdStock[targetSlot] = RdStock[slot];
        target.Cash[targetSlot] = Cash[slot];
        target.Researchers[targetSlot] = Researchers[slot];
        target.Age[targetSlot] = Age[slot];
        target.Vintage[targetSlot] = Vintage[slot];
        target.Alive[targetSlot] = Alive[slot];
        target.Index[targetSlot] = Index[slot];
        target.CertifiedTick[targetSlot] = CertifiedTick[slot];
    }

    /// <summary>
    /// Drops the dead firms from the live slots and keeps every one of them (<see cref="ExitRetention.Every"/>): what a
    /// shard whose run never drops an exit does, and what <see cref="Compact(int, ExitRetention)"/> does for such a run.
    /// </summary>
    public int Compact() => Compact(0, ExitRetention.Every);

    /// <summary>
    /// At the start of tick <paramref name="tick"/>, drops the dead firms (those that exited in the tick before), moving
    /// each live one down to the first free slot, so live firms keep their order (index order) and their indices, and so
    /// their draws. When <paramref name="retention"/> keeps the exits of the tick before past its end, the dropped firms
    /// are merged, in index order, into <see cref="Exited"/> beside those kept already; otherwise those kept are let go
    /// too (they were kept for the same census, see <see cref="ExitRetention.KeepsPast"/>) and the dropped firms are not
    /// kept. Returns how many were dropped from the live slots. The live arrays keep their capacity while the room left
    /// is within twice a growth step (<see cref="GrownCapacity"/>): a steady population then reuses the freed slots for
    /// its entrants instead of growing; past that they shrink to one step above the live firms, so memory follows them.
    /// </summary>
    public int Compact(int tick, ExitRetention retention)
    {
        bool keep = retention.KeepsPast(tick - 1);
        if (!keep) Exited = null;
        int dead = 0;
        for (int i = 0; i < Count; i++) if (Alive[i] == 0) dead++;
        if (dead == 0) return 0;
        if (keep) KeepExited(dead);
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            if (Alive[i] == 0) continue;
            if (kept != i) CopySlot(i, this, kept);
            kept++;
        }
        int dropped = Count - kept;
        Count = kept;
        if (Capacity - Count > 2 * Slack(Count)) Resize(GrownCapacity(Count));
        return dropped;
    }

    // Merges the `dead` dead slots into Exited, from the back, before the live firms move over them.
    private void KeepExited(int dead)
    {
        var exited = Exited ??= new FirmShard(Cluster, FirstIndex, dead);
        int total = exited.Count + dead;
        if (total > exited.Capacity) exited.Resize(Math.Max(total, GrownCapacity(exited.Capacity)));
        int to = total - 1, from = exited.Count - 1, slot = Count - 1;
        for (int left = dead; left > 0; left--)
        {
            while (Alive[slot] != 0) slot--;
            int end = from;
            while (from >= 0 && exited.Index[from] > Index[slot]) from--;
            int moved = end - from;
            if (moved > 0) exited.MoveSlots(from + 1, to - moved + 1, moved);
            to -= moved;
            CopySlot(slot--, exited, to--);
        }
        exited.Count = total;
    }

    // Moves `count` consecutive slots of this shard from `from` to `to` column by column (block copies; the ranges may overlap).
    private void MoveSlots(int from, int to, int count)
    {
        Array.Copy(Productivity, from, Productivity, to, count);
        Array.Copy(Weight, from, Weight, to, count);
        Array.Copy(Revenue, from, Revenue, to, count);
        Array.Copy(RdIntensity, from, RdIntensity, to, count);
        Array.Copy(RdStock, from, RdStock, to, count);
        Array.Copy(Cash, from, Cash, to, count);
        Array.Copy(Researchers, from, Researchers, to, count);
        Array.Copy(Age, from, Age, to, count);
        Array.Copy(Vintage, from, Vintage, to, count);
        Array.Copy(Alive, from, Alive, to, count);
        Array.Copy(Index, from, Index, to, count);
        Array.Copy(CertifiedTick, from, CertifiedTick, to, count);
    }

    /// <summary>
    /// The capacity a full shard of <paramref name="count"/> slots grows to: an eighth more (at least <see cref="MinimumGrowth"/>).
    /// Entrants are about a percent of a cluster's firms a quarter, so a shard grows seldom and the slack stays under an eighth.
    /// A compaction that leaves more than twice that slack free shrinks the arrays back to it: a shard of the Orleans engine
    /// holds a fixed range of indices and never takes an entrant again once the range is full, so without it its arrays
    /// would keep the room of every firm it ever held (<see cref="Compact(int, ExitRetention)"/>).
    /// </summary>
    public static int GrownCapacity(int count) => (int)Math.Min(Array.MaxLength, (long)count + Slack(count));

    // The room a shard of `count` firms keeps for entrants: an eighth, at least MinimumGrowth slots.
    private static int Slack(int count) => Math.Max(count / 8, MinimumGrowth);

    private void Resize(int capacity)
    {
        Array.Resize(ref Productivity, capacity);
        Array.Resize(ref Weight, capacity);
        Array.Resize(ref Revenue, capacity);
        Array.Resize(ref RdIntensity, capacity);
        Array.Resize(ref RdStock, capacity);
        Array.Resize(ref Cash, capacity);
        Array.Resize(ref Researchers, capacity);
        Array.Resize(ref Age, capacity);
        Array.Resize(ref Vintage, capacity);
        Array.Resize(ref Alive, capacity);
        Array.Resize(ref Index, capacity);
        Array.Resize(ref CertifiedTick, capacity);
    }
}

/// <summary>One firm's state, for entry, inspection and tests.</summary>
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
/// <param name="CertifiedTick">Tick of its last certification as a high-tech enterprise, or <see cref="NotCertified"/> (every new firm starts without one).</param>
public readonly record struct FirmRecord(double Productivity, double Weight, double Revenue, double RdIntensity, double RdStock,
    double Cash, double Researchers, int Age, int Vintage, bool Alive, int CertifiedTick = FirmRecord.NotCertified)
{
    /// <summary>The certification tick of a firm that holds no certificate: far before any tick, so no review is ever due from it.</summary>
    public const int NotCertified = int.MinValue;

    /// <summary>Whether the firm holds a certificate.</summary>
    public bool Certified => CertifiedTick != NotCertified;
}
