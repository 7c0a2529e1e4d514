using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Reads a snapshot part by part and refuses it at the first thing that is wrong: another magic or format
/// version, a part other than the one expected (a missing part), a part whose SHA-256 is not the one recorded
/// (a changed byte), too few bytes (a truncated file), a whole-file SHA-256 that does not match, or bytes after
/// the trailer. Each refusal is a <see cref="SnapshotException"/> naming the part and what was expected and found.
/// A part's bytes are checked before its state is decoded; only one part is held at a time.
/// </summary>
public sealed class SnapshotReader
{
    private readonly Stream _source;
    private readonly IncrementalHash _whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _parts;

    /// <summary>Opens a snapshot on <paramref name="source"/> and checks its header.</summary>
    /// <exception cref="SnapshotException">The header is not an EcoSim snapshot's of this format version.</exception>
    public SnapshotReader(Stream source)
    {
        _source = source;
        var magic = Take(SnapshotFormat.Magic.Length, SnapshotFormat.HeaderName, "magic");
        if (!magic.AsSpan().SequenceEqual(SnapshotFormat.Magic))
            throw new SnapshotException(SnapshotFormat.HeaderName, "not an EcoSim snapshot", $"magic {Convert.ToHexString(SnapshotFormat.Magic)}", $"{Convert.ToHexString(magic)}");
        int version = BinaryPrimitives.ReadInt32LittleEndian(Take(4, SnapshotFormat.HeaderName, "format version"));
        if (version is < SnapshotFormat.OldestReadable or > SnapshotFormat.Version)
            throw new SnapshotException(SnapshotFormat.HeaderName, "format version", SnapshotFormat.Readable, $"version {version.ToString(CultureInfo.InvariantCulture)}");
        Version = version;
    }

    /// <summary>The snapshot's format version (<see cref="SnapshotFormat.OldestReadable"/> to <see cref="SnapshotFormat.Version"/>).</summary>
    public int Version { get; }

    /// <summary>Reads part <paramref name="name"/>, checks it, and decodes its state with <paramref name="body"/>.</summary>
    /// <exception cref="SnapshotException">The next part is another, or it is truncated, changed or malformed.</exception>
    public T ReadPart<T>(string name, Func<PartReader, T> body) => ReadStored(name).DecodeChecked(body, Version);

    /// <summary>
    /// Reads part <paramref name="name"/> and checks its SHA-256 without decoding it: for a part handed on whole
    /// to the grain that holds its state.
    /// </summary>
    /// <exception cref="SnapshotException">The next part is another, or it is truncated or changed.</exception>
    public StoredPart ReadStored(string name)
    {
        var (found, head) = ReadName(name, "part name");
        if (found == SnapshotFormat.EndMarker) throw new SnapshotException(name, "missing part", $"part '{name}'", "the end of the parts");
        if (found != name) throw new SnapshotException(name, "missing part", $"part '{name}'", $"part '{found}'");
        var lengths = Take(16, name, "lengths");
        long raw = BinaryPrimitives.ReadInt64LittleEndian(lengths), stored = BinaryPrimitives.ReadInt64LittleEndian(lengths.AsSpan(8));
        foreach (var (length, what) in new[] { (raw, "length before compression"), (stored, "stored length") })
            if (length < 0 || length > SnapshotFormat.MaxPartBytes)
                throw new SnapshotException(name, what, $"0 to {SnapshotFormat.MaxPartBytes} bytes", $"{length.ToString(CultureInfo.InvariantCulture)} bytes");
        var bytes = Take(stored, name, "stored bytes", whole: false);
        var computed = StoredPart.Hash([.. head, .. lengths], bytes);
        var recorded = Take(32, name, "SHA-256");
        if (!computed.AsSpan().SequenceEqual(recorded))
            throw new SnapshotException(name, "SHA-256", Hex(recorded), Hex(computed));
        _parts++;
        return new StoredPart(name, raw, bytes, recorded);
    }

    /// <summary>Reads the trailer and checks the number of parts, the whole-file SHA-256 and that nothing follows.</summary>
    /// <exception cref="SnapshotException">A part follows the last expected one, the trailer is wrong, or bytes follow it.</exception>
    public void Finish()
    {
        var (found, _) = ReadName(SnapshotFormat.TrailerName, "end marker");
        if (found != SnapshotFormat.EndMarker)
            throw new SnapshotException(SnapshotFormat.TrailerName, "end of the parts", $"'{SnapshotFormat.EndMarker}' after {_parts} parts", $"part '{found}'");
        int count = BinaryPrimitives.ReadInt32LittleEndian(Take(4, SnapshotFormat.TrailerName, "part count"));
        if (count != _parts)
            throw new SnapshotException(SnapshotFormat.TrailerName, "part count", _parts.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture));
        var computed = _whole.GetHashAndReset();
        var recorded = new byte[32];
        int got = _source.ReadAtLeast(recorded, 32, throwOnEndOfStream: false);
        if (got < 32) throw Truncated(SnapshotFormat.TrailerName, "whole-file SHA-256", 32, got);
        if (!computed.AsSpan().SequenceEqual(recorded))
            throw new SnapshotException(SnapshotFormat.TrailerName, "whole-file SHA-256", Hex(recorded), Hex(computed));
        if (_source.ReadByte() >= 0)
            throw new SnapshotException(SnapshotFormat.TrailerName, "end of file", "nothing after the whole-file SHA-256", "more bytes");
    }

    private (string Name, byte[] Head) ReadName(string expected, string what)
    {
        var prefix = Take(4, expected, what);
        int length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length is <= 0 or > SnapshotFormat.MaxNameBytes)
            throw new SnapshotException(expected, $"length of the {what}", $"1 to {SnapshotFormat.MaxNameBytes} bytes", $"{length.ToString(CultureInfo.InvariantCulture)} bytes");
        var bytes = Take(length, expected, what);
        return (Encoding.UTF8.GetString(bytes), [.. prefix, .. bytes]);
    }

    // Every byte read counts in the whole-file hash but a part's stored bytes, which its own hash covers.
    private byte[] Take(long count, string part, string what, bool whole = true)
    {
        // Grown as bytes arrive, so a length changed to something huge costs only the bytes really there.
        var buffer = new MemoryStream((int)Math.Min(count, 1 << 20));
        var chunk = new byte[(int)Math.Min(Math.Max(count, 1), 1 << 20)];
        long left = count;
        while (left > 0)
        {
            int got = _source.Read(chunk, 0, (int)Math.Min(left, chunk.Length));
            if (got == 0) throw Truncated(part, what, count, count - left);
            buffer.Write(chunk, 0, got);
            left -= got;
        }
        var bytes = buffer.ToArray();
        if (whole) _whole.AppendData(bytes);
        return bytes;
    }

    private static SnapshotException Truncated(string part, string what, long wanted, long got) =>
        new(part, $"truncated in its {what}", $"{wanted.ToString(CultureInfo.InvariantCulture)} bytes", $"{got.ToString(CultureInfo.InvariantCulture)}");

    private static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
