using System.Security.Cryptography;
using EcoSim.Model.Engine;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A part is encoded in one pass into an array of its exact length and hashed as it is written (format version 2:
/// uncompressed): its stored bytes are the state itself, its SHA-256 is that of its head and bytes computed apart, and
/// a part whose recorded lengths disagree is refused even when its hash was made to match.
/// </summary>
public class StoredPartTests
{
    private static readonly FirmShard Firms = Stepped();

    [Fact]
    public void A_part_stores_its_state_uncompressed_with_the_sha256_of_its_head_and_bytes()
    {
        var part = PartCodec.Firms(0, [FirmColumns.Of(Firms)]);
        Assert.Equal(part.RawLength, part.Stored.LongLength);
        Assert.Equal(SHA256.HashData([.. StoredPart.Head(part.Name, part.RawLength, part.Stored.LongLength), .. part.Stored]), part.Sha256);
        var back = PartCodec.ReadFirms(part, 0);
        Assert.Equal(Firms.Productivity[..Firms.Count], back.Productivity[..back.Count]);
        Assert.Equal(Firms.Alive[..Firms.Count], back.Alive[..back.Count]);
    }

    [Fact]
    public void The_same_firms_cut_into_pieces_give_the_same_part()
    {
        var whole = PartCodec.Firms(0, [FirmColumns.Of(Firms)]);
        foreach (int cut in new[] { 1, Firms.Count / 3, Firms.Count - 1 })
        {
            var pieces = PartCodec.Firms(0, [FirmColumns.Of(Firms, 0, cut), FirmColumns.Of(Firms, cut, Firms.Count - cut)]);
            Assert.Equal(whole.Stored, pieces.Stored);
            Assert.Equal(whole.Sha256, pieces.Sha256);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(1000)]
    public void A_part_whose_lengths_disagree_is_refused_naming_both(long shift)
    {
        var good = PartCodec.Firms(0, [FirmColumns.Of(Firms)]);
        long raw = good.RawLength + shift;
        var bad = new StoredPart(good.Name, raw, good.Stored, StoredPart.Hash(StoredPart.Head(good.Name, raw, good.Stored.LongLength), good.Stored));
        var refusal = Assert.Throws<SnapshotException>(() => PartCodec.ReadFirms(bad, 0));
        Assert.Equal(good.Name, refusal.Part);
        Assert.Contains($"{good.Stored.LongLength} bytes", refusal.Expected, StringComparison.Ordinal);
        Assert.Equal($"{raw} bytes", refusal.Found);
    }

    private static FirmShard Stepped()
    {
        var engine = new ReferenceEngine(TestWorlds.Small(ticks: 4));
        while (engine.Tick < 3) engine.Step();
        // Every firm in the slots, the exited ones too, as a shard restored from a snapshot holds them.
        return FirmShard.Of(FirmColumns.Of(engine.State.Firms[0]));
    }
}
