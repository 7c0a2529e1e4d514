using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Writes a snapshot to a stream part by part (<see cref="SnapshotFormat"/>): the header at once, each part
/// as it is given (compressed in memory, so only one part is held at a time), the trailer at
/// <see cref="Finish"/>. The stream needs no seeking.
/// </summary>
public sealed class SnapshotWriter
{
    private readonly Stream _destination;
    private readonly IncrementalHash _whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    // One buffer for every part's compressed bytes, grown to the largest part once rather than for each part.
    private readonly MemoryStream _stored = new();
    private int _parts;
    private bool _finished;

    /// <summary>Starts a snapshot on <paramref name="destination"/> (which the caller keeps and disposes).</summary>
    public SnapshotWriter(Stream destination)
    {
        _destination = destination;
        Span<byte> version = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(version, SnapshotFormat.Version);
        Emit(SnapshotFormat.Magic);
        Emit(version);
    }

    /// <summary>Writes part <paramref name="name"/>, whose state <paramref name="body"/> writes.</summary>
    public void WritePart(string name, Action<PartWriter> body)
    {
        if (_finished) throw new InvalidOperationException("the snapshot is finished");
        var stored = _stored;
        stored.SetLength(0);
        long raw;
        using (var deflate = SnapshotFormat.Compressor(stored))
        using (var counted = new TallyStream(deflate))
        {
            var writer = new PartWriter(counted);
            body(writer);
            writer.Flush();
            raw = counted.Count;
        }
        var head = Head(name, raw, stored.Length);
        using var part = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        part.AppendData(head);
        part.AppendData(stored.GetBuffer(), 0, (int)stored.Length);
        Emit(head);
        _destination.Write(stored.GetBuffer().AsSpan(0, (int)stored.Length)); // covered by the part's hash, which the whole-file hash covers
        Emit(part.GetHashAndReset());
        _parts++;
    }

    /// <summary>Writes the trailer: the end marker, the number of parts and the whole-file SHA-256 (see <see cref="SnapshotFormat"/>).</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        var end = Encoding.UTF8.GetBytes(SnapshotFormat.EndMarker);
        var trailer = new byte[4 + end.Length + 4];
        BinaryPrimitives.WriteInt32LittleEndian(trailer, end.Length);
        end.CopyTo(trailer, 4);
        BinaryPrimitives.WriteInt32LittleEndian(trailer.AsSpan(4 + end.Length), _parts);
        Emit(trailer);
        _destination.Write(_whole.GetHashAndReset());
        _destination.Flush();
    }

    /// <summary>A part's name (UTF-8, length first) and its lengths before and after compression.</summary>
    internal static byte[] Head(string name, long raw, long stored)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        if (bytes.Length is 0 or > SnapshotFormat.MaxNameBytes) throw new ArgumentException($"part name '{name}' is empty or longer than {SnapshotFormat.MaxNameBytes} bytes", nameof(name));
        if (raw > SnapshotFormat.MaxPartBytes || stored > SnapshotFormat.MaxPartBytes) throw new InvalidOperationException($"part '{name}' is larger than {SnapshotFormat.MaxPartBytes} bytes");
        var head = new byte[4 + bytes.Length + 16];
        BinaryPrimitives.WriteInt32LittleEndian(head, bytes.Length);
        bytes.CopyTo(head, 4);
        BinaryPrimitives.WriteInt64LittleEndian(head.AsSpan(4 + bytes.Length), raw);
        BinaryPrimitives.WriteInt64LittleEndian(head.AsSpan(12 + bytes.Length), stored);
        return head;
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        _whole.AppendData(bytes);
        _destination.Write(bytes);
    }
}
