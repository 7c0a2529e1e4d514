using System.Runtime.InteropServices;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Writes the state of one part: numbers little-endian, doubles as their IEEE 754 bits, arrays with their
/// length first. What a part holds is its codec's business (<see cref="StateCodec"/>); this only fixes how
/// values become bytes.
/// </summary>
public sealed class PartWriter
{
    private readonly BinaryWriter _writer;

    internal PartWriter(Stream into) => _writer = new BinaryWriter(into, Encoding.UTF8, leaveOpen: true);

    /// <summary>Writes a 32-bit integer.</summary>
    public void Write(int value) => _writer.Write(value);
    /// <summary>Writes a 64-bit integer.</summary>
    public void Write(long value) => _writer.Write(value);
    /// <summary>Writes an unsigned 64-bit integer.</summary>
    public void Write(ulong value) => _writer.Write(value);
    /// <summary>Writes a double, bit for bit.</summary>
    public void Write(double value) => _writer.Write(BitConverter.DoubleToInt64Bits(value));
    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    public void Write(bool value) => _writer.Write(value ? (byte)1 : (byte)0);
    /// <summary>Writes a string as its UTF-8 length and bytes.</summary>
    public void Write(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        _writer.Write(bytes.Length);
        _writer.Write(bytes);
    }

    /// <summary>Writes an array of doubles: its length, then each value's bits.</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        _writer.Write(values.Length);
        WriteRaw(values);
    }

    /// <summary>Writes an array of integers: its length, then each value.</summary>
    public void Write(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        WriteRaw(values);
    }

    /// <summary>Writes an array of bytes: its length, then the bytes.</summary>
    public void Write(ReadOnlySpan<byte> values)
    {
        _writer.Write(values.Length);
        _writer.Write(values);
    }

    internal void Flush() => _writer.Flush();

    /// <summary>The length that starts an array written in pieces with <see cref="WriteRaw{T}"/>.</summary>
    internal void WriteLength(int length) => _writer.Write(length);

    // An array's memory is its little-endian bytes on every platform .NET 10 runs EcoSim on.
    internal void WriteRaw<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        SnapshotFormat.RequireLittleEndian();
        _writer.Write(MemoryMarshal.AsBytes(values));
    }
}
