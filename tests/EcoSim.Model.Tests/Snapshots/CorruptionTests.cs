using System.Buffers.Binary;
using EcoSim.Model.Snapshots;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A snapshot that is truncated, has a changed byte, is of another format version, misses a part or has
/// one too many is refused with a <see cref="SnapshotException"/> naming the part and what was expected and
/// found, never read as something else.
/// </summary>
public class CorruptionTests
{
    private static readonly WorldSpec Spec = TestWorlds.Small(ticks: 8);
    private static readonly byte[] Good = SnapshotRuns.SnapshotAt(Spec, 4);
    private static readonly SnapshotSurgery Layout = new(Good);
    private const int VersionOffset = 8;

    [Fact]
    public void The_good_snapshot_reads()
    {
        Assert.Null(SnapshotRuns.Refusal(Good, Spec));
        Assert.Equal(SnapshotParts.All(Spec.ClusterCount, 6), Layout.Parts.Select(p => p.Name));
    }

    [Fact]
    public void A_snapshot_cut_at_any_of_many_offsets_is_refused_as_truncated_in_the_part_it_stops_in()
    {
        var offsets = Enumerable.Range(0, 80).Concat(Spread(Good.Length, 300)).Concat(Enumerable.Range(Good.Length - 80, 80)).Distinct();
        foreach (int length in offsets)
        {
            var refusal = Refused(Good[..length], $"cut at {length}");
            Assert.Contains("truncated", refusal.Message, StringComparison.Ordinal);
            Assert.Equal(PartAt(length), refusal.Part);
        }
    }

    [Fact]
    public void A_byte_flipped_at_any_of_many_offsets_is_refused_in_the_part_that_holds_it()
    {
        foreach (int offset in Enumerable.Range(0, 120).Concat(Spread(Good.Length, 600)).Concat(Enumerable.Range(Good.Length - 120, 120)).Distinct())
        {
            var bad = (byte[])Good.Clone();
            bad[offset] ^= (byte)(1 << (offset % 8));
            var refusal = Refused(bad, $"flip at {offset}");
            // The version's lowest bit turns version 3 into version 2, which is still read: the file is then refused at the
            // first part whose layout differs between the two, the first cluster's firms.
            Assert.Equal(offset == VersionOffset ? SnapshotParts.Firms(0) : PartAt(offset), refusal.Part);
        }
    }

    [Fact]
    public void A_changed_byte_in_a_parts_state_names_the_recorded_and_the_found_sha256()
    {
        var (name, start, end) = Layout.Parts.First(p => p.Name == SnapshotParts.Firms(1));
        var bad = (byte[])Good.Clone();
        bad[(start + end) / 2] ^= 0x10;
        var refusal = Refused(bad, "flip in firms/1");
        Assert.Equal("firms/1", refusal.Part);
        Assert.Equal(Convert.ToHexStringLower(Good.AsSpan(end - 32, 32)), refusal.Expected);
        Assert.Matches("^[0-9a-f]{64}$", refusal.Found);
        Assert.NotEqual(refusal.Expected, refusal.Found);
        Assert.Contains(refusal.Expected, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(refusal.Found, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)] // the version before parts were stored uncompressed and firms carried their certification tick
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_snapshot_of_another_format_version_is_refused_naming_both_versions(int version)
    {
        var bad = (byte[])Good.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(8), version);
        var refusal = Refused(bad, $"version {version}");
        Assert.Equal(SnapshotFormat.HeaderName, refusal.Part);
        Assert.Equal($"version {SnapshotFormat.Version} (or {SnapshotFormat.OldestReadable})", refusal.Expected);
        Assert.Equal($"version {version}", refusal.Found);
    }

    [Fact]
    public void A_file_that_is_no_snapshot_is_refused_at_its_header()
    {
        foreach (var bad in new[] { "hello world, not a snapshot"u8.ToArray(), new byte[12], Good.Reverse().ToArray() })
            Assert.Equal(SnapshotFormat.HeaderName, Refused(bad, "not a snapshot").Part);
    }

    [Fact]
    public void A_snapshot_missing_any_one_part_is_refused_naming_the_part_expected_and_the_one_found()
    {
        for (int p = 0; p < Layout.Parts.Count; p++)
        {
            var refusal = Refused(Layout.Without(p), $"without {Layout.Parts[p].Name}");
            Assert.Equal(Layout.Parts[p].Name, refusal.Part);
            Assert.Contains("missing part", refusal.Message, StringComparison.Ordinal);
            Assert.Equal(p + 1 < Layout.Parts.Count ? $"part '{Layout.Parts[p + 1].Name}'" : "the end of the parts", refusal.Found);
        }
    }

    [Fact]
    public void A_snapshot_with_parts_swapped_repeated_or_bytes_after_its_end_is_refused()
    {
        int n = Layout.Parts.Count;
        var swapped = Layout.With(Enumerable.Range(0, n).Select(p => p == 3 ? 4 : p == 4 ? 3 : p));
        Assert.Equal(Layout.Parts[3].Name, Refused(swapped, "swapped").Part);
        var repeated = Layout.With(Enumerable.Range(0, n).Append(n - 1));
        Assert.Equal(SnapshotFormat.TrailerName, Refused(repeated, "repeated").Part);
        Assert.Equal(SnapshotFormat.TrailerName, Refused([.. Good, 0], "one byte more").Part);
    }

    [Fact]
    public void Only_the_world_part_is_needed_to_say_which_run_a_snapshot_is_of()
    {
        var world = RunSnapshot.ReadWorld(new MemoryStream(Good[..Layout.Parts[0].End]));
        Assert.Equal((SnapshotRuns.Identity, Spec.Seed, 4, Spec.Ticks), (world.Scenario, world.Seed, world.Tick, world.RunTicks));
        Assert.Equal("2025Q1", world.Period.ToString());
    }

    private static SnapshotException Refused(byte[] bytes, string what)
    {
        var refusal = SnapshotRuns.Refusal(bytes, Spec);
        return refusal as SnapshotException ?? throw new Xunit.Sdk.XunitException($"{what}: {refusal?.GetType().Name ?? "read as a good snapshot"}: {refusal?.Message}");
    }

    // The part an error about byte `offset` names (a changed byte, or the first byte a cut leaves out): the header, a part, or the trailer.
    private static string PartAt(int offset)
    {
        if (offset < 12) return SnapshotFormat.HeaderName;
        foreach (var (name, start, end) in Layout.Parts)
            if (offset >= start && offset < end) return name;
        return SnapshotFormat.TrailerName;
    }

    private static IEnumerable<int> Spread(int length, int count) => Enumerable.Range(0, count).Select(i => (int)((long)length * i / count));
}
