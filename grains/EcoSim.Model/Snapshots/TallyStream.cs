using System.Security.Cryptography;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// A write-only stream that passes every byte on to another and tallies them: how many, and, when asked, their
/// SHA-256. The snapshot writer counts a part's bytes before compression with it; a checkpoint file is hashed as it
/// is written, so that its hash costs no second read.
/// </summary>
/// <param name="inner">Where the bytes go; the caller disposes it.</param>
/// <param name="hash">Whether to hash the bytes as well as count them.</param>
public sealed class TallyStream(Stream inner, bool hash = false) : Stream
{
    private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;

    /// <summary>Bytes written.</summary>
    public long Count { get; private set; }

    /// <summary>Lower-case hex SHA-256 of everything written so far.</summary>
    /// <exception cref="InvalidOperationException">The stream was made without hashing.</exception>
    public string Sha256() => Convert.ToHexStringLower(Sha256Bytes());

    /// <summary>SHA-256 of everything written so far (and of what <see cref="HashOnly"/> added).</summary>
    /// <exception cref="InvalidOperationException">The stream was made without hashing.</exception>
    public byte[] Sha256Bytes() => Hasher.GetCurrentHash();

    /// <summary>Adds <paramref name="bytes"/> to the hash without writing them: a part's head, which the file writes before the bytes.</summary>
    /// <exception cref="InvalidOperationException">The stream was made without hashing.</exception>
    public void HashOnly(ReadOnlySpan<byte> bytes) => Hasher.AppendData(bytes);

    private IncrementalHash Hasher => _hash ?? throw new InvalidOperationException("this stream does not hash");

    /// <inheritdoc/>
    public override bool CanRead => false;
    /// <inheritdoc/>
    public override bool CanSeek => false;
    /// <inheritdoc/>
    public override bool CanWrite => true;
    /// <inheritdoc/>
    public override long Length => Count;
    /// <inheritdoc/>
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    /// <inheritdoc/>
    public override void Flush() => inner.Flush();
    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash?.AppendData(buffer);
        inner.Write(buffer);
        Count += buffer.Length;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash?.Dispose();
        base.Dispose(disposing);
    }
}
