using System.Runtime.InteropServices;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>Reads back what a <see cref="PartWriter"/> wrote, value for value and bit for bit.</summary>
public sealed class PartReader
{
    private readonly BinaryReader _reader;
    private readonly string _part;

    internal PartReader(Stream from, string part, int version = SnapshotFormat.Version)
    {
        _reader = new BinaryReader(from, Encoding.UTF8, leaveOpen: true);
        _part = part;
        Version = version;
    }

    /// <summary>The format version of the snapshot the part comes from: a part's layout may differ between versions.</summary>
    public int Version { get; }

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => _reader.ReadInt32();
    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => _reader.ReadInt64();
    /// <summary>Reads an unsigned 64-bit integer.</summary>
    public ulong ReadUInt64() => _reader.ReadUInt64();
    /// <summary>Reads a double, bit for bit.</summary>
    public double ReadDouble() => BitConverter.Int64BitsToDouble(_reader.ReadInt64());
    /// <summary>Reads a boolean written as 0 or 1.</summary>
    public bool ReadBoolean() => _reader.ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Invalid("a boolean (0 or 1)", b.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
    /// <summary>Reads a string written as its UTF-8 length and bytes.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Reads an array of doubles.</summary>
    public double[] ReadDoubles() => ReadRaw<double>();
    /// <summary>Reads an array of integers.</summary>
    public int[] ReadInt32s() => ReadRaw<int>();
    /// <summary>Reads an array of 64-bit integers.</summary>
    public long[] ReadInt64s() => ReadRaw<long>();
    /// <summary>Reads an array of bytes.</summary>
    public byte[] ReadBytes()
    {
        int length = ReadLength(1);
        var bytes = _reader.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException();
        return bytes;
    }

    /// <summary>A count read from the part, checked to be what <paramref name="expected"/> says.</summary>
    public int ReadCount(int expected, string what)
    {
        int found = ReadInt32();
        if (found != expected) throw Invalid($"{expected} {what}", found.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return found;
    }

    /// <summary>An error naming this part: <paramref name="expected"/> was wanted, <paramref name="found"/> was there.</summary>
    public SnapshotException Invalid(string expected, string found) => new(_part, "content", expected, found);

    private T[] ReadRaw<T>() where T : unmanaged
    {
        int length = ReadLength(Marshal.SizeOf<T>());
        var values = new T[length];
        SnapshotFormat.RequireLittleEndian();
        _reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private int ReadLength(int elementSize)
    {
        int length = ReadInt32();
        if (length < 0 || (long)length * elementSize > SnapshotFormat.MaxPartBytes)
            throw Invalid($"an array length from 0 to {SnapshotFormat.MaxPartBytes / elementSize}", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return length;
    }
}
