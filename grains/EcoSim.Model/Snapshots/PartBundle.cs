using System.Buffers.Binary;
using EcoSim.Model.State;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Several parts of one checkpoint laid out in one buffer, as a store keeps them under one key: a cluster's four parts,
/// or the run's own. The buffer is kept and written over from one checkpoint to the next, grown only when the state
/// grew, and a cluster's firms are encoded straight into it from their columns: a checkpoint leaves no array of the
/// state's size behind for the garbage collector (docs/PERFORMANCE.md, section 13), and the store can send the bytes
/// as they are. Each part keeps its own head, SHA-256 and bytes, the same as a snapshot file's, so a part read back
/// is checked as a file's part is.
/// </summary>
/// <remarks>
/// Layout, little-endian: the magic <c>ESPB</c>, the layout's version (1) and the number of parts; then each part as
/// its head (<see cref="StoredPart"/>: name length, name, both lengths), its 32-byte SHA-256 and its bytes.
/// </remarks>
public sealed class PartBundle
{
    private const int Magic = 0x42505345; // "ESPB"
    private const int LayoutVersion = 1;
    private const int Sha256Length = 32;
    private const int HeaderLength = 12;
    private byte[] _bytes = new byte[HeaderLength];
    private int _length = HeaderLength;
    private readonly List<(string Name, byte[] Sha256)> _hashes = [];

    /// <summary>An empty bundle, its buffer as small as its header: it grows to the first checkpoint's parts.</summary>
    public PartBundle() => WriteHeader();

    /// <summary>The parts laid out so far: valid until the next <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes.AsMemory(0, _length);

    /// <summary>The name and SHA-256 of each part laid out so far, in order.</summary>
    public IReadOnlyList<(string Name, byte[] Sha256)> Hashes => _hashes;

    /// <summary>Bytes the buffer can hold before it must grow.</summary>
    public int Capacity => _bytes.Length;

    /// <summary>Empties the bundle for the next checkpoint, keeping its buffer.</summary>
    public void Clear()
    {
        _length = HeaderLength;
        _hashes.Clear();
        WriteHeader();
    }

    /// <summary>Adds <paramref name="part"/> as it is.</summary>
    public void Add(StoredPart part)
    {
        int at = Reserve(part.Name, part.Stored.Length);
        part.Stored.CopyTo(_bytes, at);
        Finish(part.Name, part.Sha256, at, part.Stored.Length);
    }

    /// <summary>
    /// Adds the <c>firms/C</c> part of cluster <paramref name="cluster"/> from its firms cut in consecutive pieces in index
    /// order, encoded into the buffer: the bytes and hash <see cref="PartCodec.Firms"/> gives.
    /// </summary>
    public (string Name, byte[] Sha256) AddFirms(int cluster, IReadOnlyList<FirmColumns> pieces)
    {
        string name = SnapshotParts.Firms(cluster);
        void Body(PartWriter w) => StateCodec.WriteFirms(w, cluster, pieces);
        long raw = StoredPart.Count(Body);
        if (raw > SnapshotFormat.MaxPartBytes) throw new InvalidOperationException($"part '{name}' is larger than {SnapshotFormat.MaxPartBytes} bytes");
        int at = Reserve(name, (int)raw);
        var sha256 = StoredPart.WriteHashed(name, raw, Body, _bytes, at);
        Finish(name, sha256, at, (int)raw);
        return _hashes[^1];
    }

    /// <summary>The parts of a bundle's bytes, each as a part of its own.</summary>
    /// <exception cref="SnapshotException">The bytes are not a bundle or are cut short; <paramref name="where"/> names them.</exception>
    public static IReadOnlyList<StoredPart> Read(ReadOnlySpan<byte> bytes, string where)
    {
        if (bytes.Length < HeaderLength || BinaryPrimitives.ReadInt32LittleEndian(bytes) != Magic)
            throw new SnapshotException(where, "stored parts", "a bundle of checkpoint parts", $"{bytes.Length} bytes that are not one");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version != LayoutVersion) throw new SnapshotException(where, "version", $"{LayoutVersion}", $"{version}");
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var parts = new List<StoredPart>(Math.Max(0, Math.Min(count, 1024)));
        int at = HeaderLength;
        try
        {
            for (int i = 0; i < count; i++)
            {
                int nameLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
                if (nameLength is <= 0 or > SnapshotFormat.MaxNameBytes) throw new InvalidDataException($"a name of {nameLength} bytes");
                string name = System.Text.Encoding.UTF8.GetString(bytes.Slice(at + 4, nameLength));
                at += 4 + nameLength;
                long raw = BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
                long stored = BinaryPrimitives.ReadInt64LittleEndian(bytes[(at + 8)..]);
                at += 16;
                if (stored < 0 || stored > bytes.Length - at - Sha256Length) throw new InvalidDataException($"part '{name}' of {stored} bytes");
                var sha256 = bytes.Slice(at, Sha256Length).ToArray();
                at += Sha256Length;
                parts.Add(new StoredPart(name, raw, bytes.Slice(at, (int)stored).ToArray(), sha256));
                at += (int)stored;
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidDataException)
        {
            throw new SnapshotException(where, "stored parts", $"{count} parts", $"bytes cut short or malformed after {parts.Count} ({e.Message})");
        }
        return parts;
    }

    // Writes the part's head, leaves room for its hash, and returns where its bytes go.
    private int Reserve(string name, int length)
    {
        var head = StoredPart.Head(name, length, length);
        Grow(head.Length + Sha256Length + length);
        head.CopyTo(_bytes, _length);
        _length += head.Length;
        return _length + Sha256Length;
    }

    private void Finish(string name, byte[] sha256, int at, int length)
    {
        sha256.CopyTo(_bytes, at - Sha256Length);
        _length = at + length;
        _hashes.Add((name, sha256));
        WriteHeader();
    }

    // Grows only when the state outgrew the buffer, to half as much again, so a slowly growing state seldom reallocates.
    private void Grow(int more)
    {
        long needed = (long)_length + more;
        if (needed <= _bytes.Length) return;
        if (needed > Array.MaxLength) throw new InvalidOperationException($"checkpoint parts of {needed} bytes do not fit in one buffer");
        var grown = new byte[Math.Min(Array.MaxLength, Math.Max(needed, _bytes.Length + _bytes.Length / 2))];
        _bytes.AsSpan(0, _length).CopyTo(grown);
        _bytes = grown;
    }

    private void WriteHeader()
    {
        BinaryPrimitives.WriteInt32LittleEndian(_bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(4), LayoutVersion);
        BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(8), _hashes.Count);
    }
}
