using EcoSim.Model.Engine;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A checkpoint's copy of a shard's columns goes into arrays kept from the checkpoint before when the shard kept its
/// size: the same arrays, written over with the shard's state now, the same part as a fresh copy gives; new arrays
/// only when the shard grew.
/// </summary>
public class KeptColumnsTests
{
    [Fact]
    public void A_shard_of_the_same_size_is_copied_into_the_kept_arrays_and_gives_the_part_a_fresh_copy_gives()
    {
        var engine = new ReferenceEngine(TestWorlds.Small(ticks: 6));
        engine.Step();
        var shard = engine.State.Firms[0];
        var kept = FirmColumns.Into(shard, null);
        int count = shard.Count;
        var keptProductivity = kept.Productivity;
        while (engine.Tick < 5 && engine.State.Firms[0].Count == count) engine.Step();
        shard = engine.State.Firms[0];
        var again = FirmColumns.Into(shard, kept);
        if (shard.Count == count)
        {
            Assert.Same(keptProductivity, again.Productivity);
            Assert.Same(kept.Alive, again.Alive);
        }
        else Assert.NotSame(keptProductivity, again.Productivity);
        Assert.Equal(PartCodec.Firms(0, [FirmColumns.Of(shard)]).Stored, PartCodec.Firms(0, [again]).Stored);
    }

    [Fact]
    public void A_shard_that_grew_gets_new_arrays_and_the_kept_ones_are_left_alone()
    {
        var engine = new ReferenceEngine(TestWorlds.Small(ticks: 6));
        engine.Step();
        var shard = engine.State.Firms[0];
        var smaller = FirmColumns.Of(shard, 0, shard.Count - 1);
        var before = smaller.Productivity.ToArray();
        var copy = FirmColumns.Into(shard, smaller);
        Assert.NotSame(smaller.Productivity, copy.Productivity);
        Assert.Equal(shard.Count, copy.Count);
        Assert.Equal(before, smaller.Productivity);
        Assert.Equal(PartCodec.Firms(0, [FirmColumns.Of(shard)]).Stored, PartCodec.Firms(0, [copy]).Stored);
    }

    [Fact]
    public void Consecutive_pieces_joined_give_the_columns_and_the_part_of_the_whole_and_an_overlap_is_refused()
    {
        var engine = new ReferenceEngine(TestWorlds.Small(ticks: 6));
        engine.Step();
        var shard = engine.State.Firms[0];
        int n = shard.Count, cut = n / 3;
        var whole = FirmColumns.Of(shard);
        var joined = FirmColumns.Concat(0, [FirmColumns.Of(shard, 0, cut), FirmColumns.Of(shard, cut, n - 2 * cut), FirmColumns.Of(shard, n - cut, cut)]);
        Assert.Equal(whole.Productivity, joined.Productivity);
        Assert.Equal(whole.Alive, joined.Alive);
        Assert.Equal(whole.CertifiedTick, joined.CertifiedTick);
        Assert.Equal(PartCodec.Firms(0, [whole]).Stored, PartCodec.Firms(0, [joined]).Stored);
        Assert.Equal(whole.Index, joined.Index);
        Assert.Throws<ArgumentException>(() => FirmColumns.Concat(0, [FirmColumns.Of(shard, 0, cut), FirmColumns.Of(shard, cut - 1, cut)]));
        Assert.Throws<ArgumentException>(() => FirmColumns.Concat(0, [FirmColumns.Of(shard, cut, cut), FirmColumns.Of(shard, 0, cut)]));
    }

    [Fact]
    public void Pieces_with_a_gap_between_their_indices_join_with_the_gap_in_the_index_column()
    {
        var engine = new ReferenceEngine(TestWorlds.Small(ticks: 6));
        engine.Step();
        var shard = engine.State.Firms[0];
        int n = shard.Count, cut = n / 3;
        var joined = FirmColumns.Concat(0, [FirmColumns.Of(shard, 0, cut), FirmColumns.Of(shard, cut + 1, cut)]);
        Assert.Equal(2 * cut, joined.Count);
        Assert.Equal([.. shard.Index[..cut], .. shard.Index[(cut + 1)..(2 * cut + 1)]], joined.Index);
        Assert.Equal([.. shard.Productivity[..cut], .. shard.Productivity[(cut + 1)..(2 * cut + 1)]], joined.Productivity);
    }
}
