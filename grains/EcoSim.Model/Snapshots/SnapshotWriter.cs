using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Writes a snapshot to a stream part by part (<see cref="SnapshotFormat"/>): the header at once, each part
/// as it is given (compressed in memory, or encoded by the grain that holds it, so only one part is held at a time), the trailer at
/// <see cref="Finish"/>. The stream needs no seeking.
/// </summary>
public sealed class SnapshotWriter
{
    private readonly Stream _destination;
    private readonly IncrementalHash _whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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

    /// <summary>
    /// Writes part <paramref name="name"/>, whose state <paramref name="body"/> writes, straight to the destination: the
    /// bytes are counted first (the head records their length), then written and hashed as they go, so a part of many
    /// megabytes (a cluster's firms) needs no array of its own and its bytes are touched once. The bytes are those of
    /// <see cref="StoredPart.Encode"/>, which <see cref="Write(StoredPart)"/> copies.
    /// </summary>
    public void WritePart(string name, Action<PartWriter> body)
    {
        if (_finished) throw new InvalidOperationException("the snapshot is finished");
        long raw = StoredPart.Count(body);
        var head = StoredPart.Head(name, raw, raw);
        Emit(head);
        byte[] sha256;
        // The part's bytes go past the whole-file hash, which covers them through the part's own hash (see SnapshotFormat).
        using (var hashing = new TallyStream(_destination, hash: true))
        {
            hashing.HashOnly(head);
            var writer = new PartWriter(hashing);
            body(writer);
            writer.Flush();
            if (hashing.Count != raw) throw new InvalidOperationException($"part '{name}' wrote {hashing.Count} bytes after counting {raw}");
            sha256 = hashing.Sha256Bytes();
        }
        Emit(sha256);
        _parts++;
    }

    /// <summary>Writes a part encoded elsewhere (by the grain that holds its state), copying its bytes and hash as they are.</summary>
    public void Write(StoredPart part)
    {
        if (_finished) throw new InvalidOperationException("the snapshot is finished");
        Emit(part.Head());
        _destination.Write(part.Stored); // covered by the part's hash, which the whole-file hash covers
        Emit(part.Sha256);
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

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        _whole.AppendData(bytes);
        _destination.Write(bytes);
    }
}
