using System.Buffers.Binary;
using System.Text;
using EcoSim.Model.Snapshots;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A part writer gathers small values in a buffer and passes large arrays straight on: the bytes are those of the format
/// (little-endian numbers, doubles bit for bit, UTF-8 strings and arrays with their length first) whatever the sizes and
/// the order, a counting writer counts exactly those bytes, and the stream below is called once per few kilobytes.
/// </summary>
public class PartWriterTests
{
    [Fact]
    public void Values_of_every_kind_and_size_are_written_as_the_format_lays_them_out_and_counted_exactly()
    {
        var expected = new List<byte>();
        void Expect(int bytes, Action<byte[]> fill) { var b = new byte[bytes]; fill(b); expected.AddRange(b); }

        var steps = new List<Action<PartWriter>>();
        var random = new Random(7);
        string longText = string.Concat(Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "知识" : "ab"));
        double[] large = [.. Enumerable.Range(0, 3000).Select(i => random.NextDouble() - 0.5)];
        int[] small = [3, -1, int.MaxValue];
        byte[] bytes = [.. Enumerable.Range(0, 20_000).Select(i => (byte)i)];
        for (int round = 0; round < 40; round++)
        {
            int i = round * 1_000_003;
            long l = -(long)round << 40;
            double d = round == 3 ? -0.0 : round == 4 ? BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123) : random.NextDouble() * 1e6;
            steps.Add(w => w.Write(i)); Expect(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, i));
            steps.Add(w => w.Write(l)); Expect(8, b => BinaryPrimitives.WriteInt64LittleEndian(b, l));
            steps.Add(w => w.Write((ulong)l)); Expect(8, b => BinaryPrimitives.WriteUInt64LittleEndian(b, (ulong)l));
            steps.Add(w => w.Write(d)); Expect(8, b => BinaryPrimitives.WriteInt64LittleEndian(b, BitConverter.DoubleToInt64Bits(d)));
            bool flag = round % 2 == 0;
            steps.Add(w => w.Write(flag)); expected.Add(flag ? (byte)1 : (byte)0);
            string text = round % 5 == 0 ? longText : $"cluster/{round}";
            steps.Add(w => w.Write(text));
            var utf8 = Encoding.UTF8.GetBytes(text);
            Expect(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, utf8.Length)); expected.AddRange(utf8);
            var doubles = round % 3 == 0 ? large : large[..(round + 1)];
            steps.Add(w => w.Write((ReadOnlySpan<double>)doubles));
            Expect(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, doubles.Length));
            foreach (var x in doubles) Expect(8, b => BinaryPrimitives.WriteInt64LittleEndian(b, BitConverter.DoubleToInt64Bits(x)));
            steps.Add(w => w.Write((ReadOnlySpan<int>)small));
            Expect(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, small.Length));
            foreach (var x in small) Expect(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, x));
            var some = bytes[..(round % 4 == 0 ? bytes.Length : round * 100)];
            steps.Add(w => w.Write((ReadOnlySpan<byte>)some));
            Expect(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, some.Length)); expected.AddRange(some);
        }

        using var written = new MemoryStream();
        var writer = new PartWriter(written);
        foreach (var step in steps) step(writer);
        writer.Flush();
        Assert.Equal(expected.ToArray(), written.ToArray());

        var counter = PartWriter.Counting();
        foreach (var step in steps) step(counter);
        Assert.Equal(expected.Count, counter.Written);
    }

    [Fact]
    public void Small_values_reach_the_stream_a_few_kilobytes_at_a_time_and_large_arrays_in_one_piece()
    {
        var below = new WriteSizes();
        var writer = new PartWriter(below);
        for (int i = 0; i < 10_000; i++) writer.Write((double)i);
        var large = new double[100_000];
        writer.Write((ReadOnlySpan<double>)large);
        writer.Flush();
        Assert.Equal(10_000 * 8 + 4 + large.Length * 8, below.Sizes.Sum());
        Assert.True(below.Sizes.Count < 20, $"{below.Sizes.Count} writes for 10,001 values and one array");
        Assert.Contains(large.Length * 8, below.Sizes);
    }

    // A stream that keeps the size of each write it is given.
    private sealed class WriteSizes : Stream
    {
        public List<int> Sizes { get; } = [];
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Sizes.Sum();
        public override long Position { get => Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Sizes.Add(count);
        public override void Write(ReadOnlySpan<byte> buffer) => Sizes.Add(buffer.Length);
    }
}
