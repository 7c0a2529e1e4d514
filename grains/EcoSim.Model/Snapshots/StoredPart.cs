using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// One part of a snapshot as the file stores it (<see cref="SnapshotFormat"/>): its name, its length before
/// compression and its stored bytes (the same length: parts are stored uncompressed), and the SHA-256 of all three. It is the unit that moves between whoever holds
/// a piece of state and the snapshot file: the reference engine encodes its parts into it, a grain of the Orleans
/// engine exports and imports its own part as it, and the writer and reader only copy and check it, so a part's
/// bytes have one definition whoever made them.
/// </summary>
/// <param name="Name">The part's name (<see cref="SnapshotParts"/>).</param>
/// <param name="RawLength">Bytes of state before compression.</param>
/// <param name="Stored">The stored bytes: the encoded state itself (<see cref="SnapshotFormat"/>).</param>
/// <param name="Sha256">SHA-256 of the part's head (name and lengths) and stored bytes, as the file records it.</param>
public sealed record StoredPart(string Name, long RawLength, byte[] Stored, byte[] Sha256)
{
    /// <summary>The head the file stores before the bytes: the name (UTF-8, length first) and both lengths.</summary>
    internal byte[] Head() => Head(Name, RawLength, Stored.LongLength);

    /// <summary>
    /// Encodes part <paramref name="name"/>, whose state <paramref name="body"/> writes. <paramref name="body"/> runs twice: once
    /// to count the bytes, so that they are written straight into one array of their exact length (no growing buffer, no
    /// final copy), then to write them while they are hashed, so each byte is touched once while it is in the cache.
    /// </summary>
    internal static StoredPart Encode(string name, Action<PartWriter> body)
    {
        long raw = Count(body);
        var bytes = new byte[raw];
        var sha256 = WriteHashed(name, raw, body, bytes, 0);
        return new StoredPart(name, raw, bytes, sha256);
    }

    /// <summary>The number of bytes <paramref name="body"/> writes.</summary>
    internal static long Count(Action<PartWriter> body)
    {
        var counter = PartWriter.Counting();
        body(counter);
        return counter.Written;
    }

    /// <summary>
    /// Writes the <paramref name="raw"/> bytes of part <paramref name="name"/> that <paramref name="body"/> writes into
    /// <paramref name="into"/> from <paramref name="offset"/>, hashing them as they are written; returns the part's SHA-256.
    /// The one place a part's bytes and hash are made, whether into an array of their own or into a buffer kept for them.
    /// </summary>
    internal static byte[] WriteHashed(string name, long raw, Action<PartWriter> body, byte[] into, int offset)
    {
        var head = Head(name, raw, raw);
        using var hashing = new TallyStream(new MemoryStream(into, offset, checked((int)raw), writable: true), hash: true);
        hashing.HashOnly(head);
        var writer = new PartWriter(hashing);
        body(writer);
        writer.Flush();
        if (hashing.Count != raw) throw new InvalidOperationException($"part '{name}' wrote {hashing.Count} bytes after counting {raw}");
        return hashing.Sha256Bytes();
    }

    /// <summary>
    /// Checks that this is part <paramref name="expected"/> and that its SHA-256 is the one it carries, then decodes
    /// its state with <paramref name="body"/>: what a holder of state does with a part it is given.
    /// </summary>
    /// <exception cref="SnapshotException">It is another part, its bytes were changed, or they do not decode.</exception>
    internal T Decode<T>(string expected, Func<PartReader, T> body)
    {
        if (Name != expected) throw new SnapshotException(expected, "missing part", $"part '{expected}'", $"part '{Name}'");
        CheckHash();
        return DecodeChecked(body);
    }

    /// <summary>
    /// Checks that its head and bytes are those its SHA-256 was made of: what a part that is copied on without being
    /// decoded (from the cluster's store into a checkpoint file) is checked by.
    /// </summary>
    /// <exception cref="SnapshotException">Its bytes were changed.</exception>
    public void CheckHash()
    {
        var computed = Hash(Head(), Stored);
        if (!computed.AsSpan().SequenceEqual(Sha256))
            throw new SnapshotException(Name, "SHA-256", Convert.ToHexStringLower(Sha256), Convert.ToHexStringLower(computed));
    }

    /// <summary>Decodes the state of a part whose hash was checked as it was read.</summary>
    /// <exception cref="SnapshotException">The bytes do not decode to what the part should hold.</exception>
    /// <param name="body">Decodes the state.</param>
    /// <param name="version">The format version of the snapshot the part was read from (parts made by this program are of <see cref="SnapshotFormat.Version"/>).</param>
    internal T DecodeChecked<T>(Func<PartReader, T> body, int version = SnapshotFormat.Version)
    {
        if (RawLength != Stored.LongLength)
            throw new SnapshotException(Name, "length before compression", $"{Stored.LongLength} bytes (parts are stored uncompressed)", $"{RawLength} bytes");
        using var stored = new MemoryStream(Stored, writable: false);
        try
        {
            var value = body(new PartReader(stored, Name, version));
            if (stored.Position != stored.Length)
                throw new SnapshotException(Name, "length before compression", $"{RawLength} bytes read", $"{stored.Position} bytes read and more left");
            return value;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new SnapshotException(Name, "content", $"{RawLength} bytes of state", $"state that does not decode ({e.Message})");
        }
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

    internal static byte[] Hash(ReadOnlySpan<byte> head, ReadOnlySpan<byte> stored)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head);
        hash.AppendData(stored);
        return hash.GetHashAndReset();
    }
}
