using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Writes the state of one part: numbers little-endian, doubles as their IEEE 754 bits, arrays with their
/// length first. What a part holds is its codec's business (<see cref="StateCodec"/>); this only fixes how
/// values become bytes.
/// </summary>
/// <remarks>
/// Small values are gathered in a buffer and passed on a few kilobytes at a time, and arrays larger than the buffer
/// go straight through, so the stream below (a hash, a file) is called once per array or per few kilobytes, not once
/// per value: a checkpoint's part of thousands of metrics rows no longer costs a hash update for each number
/// (docs/PERFORMANCE.md, section 32). A writer made by <see cref="Counting"/> has no stream and only counts the bytes,
/// which is how a part's length is known before its head is written.
/// </remarks>
public sealed class PartWriter
{
    // Large enough that a metrics row or a lab goes in one piece; small enough to stay in the first-level cache.
    private const int BufferBytes = 8 << 10;

    private readonly Stream? _into;
    private byte[]? _buffer;
    private int _used;

    internal PartWriter(Stream into)
    {
        _into = into;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    }

    private PartWriter() { }

    /// <summary>A writer that writes nowhere and counts what it would have written (<see cref="Written"/>).</summary>
    internal static PartWriter Counting() => new();

    /// <summary>Bytes written so far, passed on or still in the buffer.</summary>
    internal long Written { get; private set; }

    /// <summary>Writes a 32-bit integer.</summary>
    public void Write(int value) => BinaryPrimitives.WriteInt32LittleEndian(Room(sizeof(int)), value);
    /// <summary>Writes a 64-bit integer.</summary>
    public void Write(long value) => BinaryPrimitives.WriteInt64LittleEndian(Room(sizeof(long)), value);
    /// <summary>Writes an unsigned 64-bit integer.</summary>
    public void Write(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Room(sizeof(ulong)), value);
    /// <summary>Writes a double, bit for bit.</summary>
    public void Write(double value) => BinaryPrimitives.WriteInt64LittleEndian(Room(sizeof(long)), BitConverter.DoubleToInt64Bits(value));
    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    public void Write(bool value) => Room(1)[0] = value ? (byte)1 : (byte)0;
    /// <summary>Writes a string as its UTF-8 length and bytes.</summary>
    public void Write(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        Write(length);
        if (_into is null)
        {
            Written += length;
            return;
        }
        if (length <= BufferBytes) Encoding.UTF8.GetBytes(value, Room(length));
        else WriteBytes(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Writes an array of doubles: its length, then each value's bits.</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        Write(values.Length);
        WriteRaw(values);
    }

    /// <summary>Writes an array of integers: its length, then each value.</summary>
    public void Write(ReadOnlySpan<int> values)
    {
        Write(values.Length);
        WriteRaw(values);
    }

    /// <summary>Writes an array of bytes: its length, then the bytes.</summary>
    public void Write(ReadOnlySpan<byte> values)
    {
        Write(values.Length);
        WriteBytes(values);
    }

    /// <summary>Passes on what the buffer holds and gives the buffer back: the last call on a writer.</summary>
    internal void Flush()
    {
        if (_buffer is not { } buffer) return;
        if (_used > 0) _into!.Write(buffer.AsSpan(0, _used));
        _used = 0;
        _buffer = null;
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>The length that starts an array written in pieces with <see cref="WriteRaw{T}"/>.</summary>
    internal void WriteLength(int length) => Write(length);

    // An array's memory is its little-endian bytes on every platform .NET 10 runs EcoSim on.
    internal void WriteRaw<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        SnapshotFormat.RequireLittleEndian();
        WriteBytes(MemoryMarshal.AsBytes(values));
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (_into is null)
        {
            Written += bytes.Length;
            return;
        }
        if (bytes.Length <= BufferBytes - _used)
        {
            bytes.CopyTo(Room(bytes.Length));
            return;
        }
        // Too large for what is left: what the buffer holds goes first, then the bytes, in one piece when they would fill it.
        Pass();
        if (bytes.Length < BufferBytes)
        {
            bytes.CopyTo(Room(bytes.Length));
            return;
        }
        _into.Write(bytes);
        Written += bytes.Length;
    }

    // The next `bytes` bytes of the buffer, counted as written (a counting writer's scratch when it has none).
    private Span<byte> Room(int bytes)
    {
        Written += bytes;
        if (_into is null) return Scratch.AsSpan(0, bytes);
        if (_buffer is null) throw new InvalidOperationException("the part writer was flushed");
        if (BufferBytes - _used < bytes) Pass();
        var room = _buffer.AsSpan(_used, bytes);
        _used += bytes;
        return room;
    }

    private void Pass()
    {
        if (_used == 0) return;
        _into!.Write(_buffer.AsSpan(0, _used));
        _used = 0;
    }

    // Where a counting writer puts a number it does not keep (one per thread: writers of different parts may count at once).
    [ThreadStatic] private static byte[]? _scratch;
    private static byte[] Scratch => _scratch ??= new byte[sizeof(long)];
}
