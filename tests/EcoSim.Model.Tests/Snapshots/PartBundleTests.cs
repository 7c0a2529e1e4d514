using EcoSim.Model.Engine;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A bundle of checkpoint parts in one kept buffer: the firms encoded into it are the part a snapshot file holds, byte
/// for byte and hash for hash; the parts read back are the parts put in; the buffer is written over, not replaced, by
/// the next checkpoint of the same size; and bytes that are not a whole bundle are refused naming what was asked for.
/// </summary>
public class PartBundleTests
{
    private static readonly ReferenceEngine Engine = Stepped();

    [Fact]
    public void Firms_encoded_into_the_bundle_are_the_part_a_snapshot_file_holds()
    {
        var shard = FirmShard.Of(FirmColumns.Of(Engine.State.Firms[1])); // every firm in the slots, as a restored shard holds them
        var expected = PartCodec.Firms(1, [FirmColumns.Of(shard)]);
        var bundle = new PartBundle();
        bundle.Add(PartCodec.Cluster(Engine.State.Clusters[1]));
        int cut = shard.Count / 3;
        var hash = bundle.AddFirms(1, [FirmColumns.Of(shard, 0, cut), FirmColumns.Of(shard, cut, shard.Count - cut)]);
        Assert.Equal((expected.Name, Convert.ToHexString(expected.Sha256)), (hash.Name, Convert.ToHexString(hash.Sha256)));
        var back = PartBundle.Read(bundle.Bytes.Span, "firms/1");
        Assert.Equal([SnapshotParts.Cluster(1), SnapshotParts.Firms(1)], back.Select(p => p.Name));
        Assert.Equal(expected.Stored, back[1].Stored);
        Assert.Equal(expected.Sha256, back[1].Sha256);
        Assert.Equal(expected.RawLength, back[1].RawLength);
        // A part read back decodes and checks like a file's part.
        Assert.Equal(shard.Count, PartCodec.ReadFirms(back[1], 1).Count);
        Assert.Equal(bundle.Hashes.Select(h => Convert.ToHexString(h.Sha256)), back.Select(p => Convert.ToHexString(p.Sha256)));
    }

    [Fact]
    public void The_next_checkpoint_of_the_same_state_is_written_over_the_same_buffer()
    {
        var shard = Engine.State.Firms[0];
        var bundle = new PartBundle();
        bundle.AddFirms(0, [FirmColumns.Of(shard)]);
        var first = bundle.Bytes.ToArray();
        int capacity = bundle.Capacity;
        bundle.Clear();
        Assert.Empty(bundle.Hashes);
        bundle.AddFirms(0, [FirmColumns.Of(shard)]);
        Assert.Equal(capacity, bundle.Capacity);
        Assert.Equal(first, bundle.Bytes.ToArray());
    }

    [Fact]
    public void An_empty_bundle_reads_as_no_parts()
    {
        Assert.Empty(PartBundle.Read(new PartBundle().Bytes.Span, "world"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(40)]
    [InlineData(-1)]
    public void Bytes_cut_short_are_refused_naming_the_part_asked_for(int length)
    {
        var bundle = new PartBundle();
        bundle.Add(PartCodec.Cluster(Engine.State.Clusters[0]));
        bundle.AddFirms(0, [FirmColumns.Of(Engine.State.Firms[0])]);
        var bytes = bundle.Bytes.ToArray();
        var cut = bytes.AsSpan(0, length < 0 ? bytes.Length + length : length).ToArray();
        var refused = Assert.Throws<SnapshotException>(() => PartBundle.Read(cut, "firms/0"));
        Assert.Equal("firms/0", refused.Part);
    }

    [Fact]
    public void Bytes_of_another_layout_version_are_refused_naming_both_versions()
    {
        var bytes = new PartBundle().Bytes.ToArray();
        bytes[4] = 9;
        var refused = Assert.Throws<SnapshotException>(() => PartBundle.Read(bytes, "world"));
        Assert.Contains("9", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1", refused.Message, StringComparison.Ordinal);
    }

    private static ReferenceEngine Stepped()
    {
        var engine = new ReferenceEngine(TestWorlds.Small(ticks: 4));
        while (engine.Tick < 3) engine.Step();
        return engine;
    }
}
