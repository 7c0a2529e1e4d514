namespace EcoSim.Model.Phases;

/// <summary>
/// The successful innovators of a shard whose innovation size is still to be drawn (<see cref="FirmDecisions"/>): what
/// their tick has decided apart from the size, kept until a full group of them can be sized in lanes at once. A group
/// of firms has one or two innovators at most ticks, so sizing each group's innovators where they stand ran the whole
/// lane-wide draw for a lane or two; gathered here, every lane of the draw is an innovator. A firm's draws are keyed by
/// the firm and the tick, not by its place, so which lane sizes it moves no bit (docs/PERFORMANCE.md, section 34).
/// </summary>
/// <remarks>
/// A ref struct over the stepping method's stack: <see cref="Capacity"/> entries, several groups' worth, and no
/// allocation a tick. Entries refer to slots of the one shard being stepped.
/// </remarks>
internal ref struct FirmInnovators
{
    /// <summary>How many innovators wait at most: a whole number of groups at either width.</summary>
    public const int Capacity = 64;

    /// <summary>Set in <see cref="Flags"/> when the firm also imitated this tick.</summary>
    public const byte Imitates = 1;
    /// <summary>Set in <see cref="Flags"/> when the firm also adopted the newest generation this tick.</summary>
    public const byte Adopts = 2;
    /// <summary>Set in <see cref="Flags"/> when the firm survives the tick (its productivity joins the totals).</summary>
    public const byte Survives = 4;

    /// <summary>The firm's slot in the shard.</summary>
    public readonly Span<int> Slot;
    /// <summary>The firm's index in its cluster (its streams' key).</summary>
    public readonly Span<long> Index;
    /// <summary>The productivity at the start of the tick.</summary>
    public readonly Span<double> Before;
    /// <summary>What imitation would reach, where <see cref="Imitates"/> is set.</summary>
    public readonly Span<double> Imitated;
    /// <summary>The adoption multiplier, where <see cref="Adopts"/> is set.</summary>
    public readonly Span<double> Multiplier;
    /// <summary><see cref="Imitates"/>, <see cref="Adopts"/>, <see cref="Survives"/>.</summary>
    public readonly Span<byte> Flags;
    /// <summary>How many entries are waiting.</summary>
    public int Count;

    /// <summary>An empty list over buffers of <see cref="Capacity"/> entries each.</summary>
    public FirmInnovators(Span<int> slot, Span<long> index, Span<double> before, Span<double> imitated, Span<double> multiplier, Span<byte> flags)
    {
        if (slot.Length < Capacity || index.Length < Capacity || before.Length < Capacity || imitated.Length < Capacity
            || multiplier.Length < Capacity || flags.Length < Capacity)
            throw new ArgumentException($"the innovators' buffers hold {Capacity} entries each");
        Slot = slot; Index = index; Before = before; Imitated = imitated; Multiplier = multiplier; Flags = flags;
        Count = 0;
    }

    /// <summary>Adds one innovator.</summary>
    public void Add(int slot, long index, double before, double imitated, double multiplier, byte flags)
    {
        int k = Count++;
        (Slot[k], Index[k], Before[k], Imitated[k], Multiplier[k], Flags[k]) = (slot, index, before, imitated, multiplier, flags);
    }

    /// <summary>Fills entries [<see cref="Count"/>, <paramref name="end"/>) with copies of the last one, so a short last group reads whole vectors.</summary>
    public readonly void PadTo(int end)
    {
        int last = Count - 1;
        for (int k = Count; k < end; k++)
            (Slot[k], Index[k], Before[k], Imitated[k], Multiplier[k], Flags[k]) = (Slot[last], Index[last], Before[last], Imitated[last], Multiplier[last], Flags[last]);
    }

    /// <summary>Drops the first <paramref name="done"/> entries, moving the rest to the front.</summary>
    public void Drop(int done)
    {
        int rest = Count - done;
        Slot.Slice(done, rest).CopyTo(Slot);
        Index.Slice(done, rest).CopyTo(Index);
        Before.Slice(done, rest).CopyTo(Before);
        Imitated.Slice(done, rest).CopyTo(Imitated);
        Multiplier.Slice(done, rest).CopyTo(Multiplier);
        Flags.Slice(done, rest).CopyTo(Flags);
        Count = rest;
    }
}
