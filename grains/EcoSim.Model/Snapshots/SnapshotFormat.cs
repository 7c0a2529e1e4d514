using System.IO.Compression;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// The byte layout of a run snapshot (<c>.ecosnap</c>), in one place. A snapshot is:
/// <list type="number">
/// <item>the header: <see cref="Magic"/> (8 bytes) and the format version (int32);</item>
/// <item>named parts, in the order <see cref="SnapshotParts"/> lists them, each as its name (length-prefixed UTF-8),
/// the length of its state before and after compression (int64 each), the compressed bytes, and the SHA-256
/// of everything of the part before it (name, lengths, bytes);</item>
/// <item>the trailer: <see cref="EndMarker"/>, the number of parts (int32) and the whole-file SHA-256: the hash of every
/// byte before it except the parts' stored bytes, which each part's own SHA-256 (included) already covers. So each byte is
/// hashed once when written and once when read, and a changed byte anywhere still changes the whole-file hash.</item>
/// </list>
/// Numbers are little-endian; doubles are their IEEE 754 bits, so a value read back is the value written.
/// Each part is deflated on its own at a fixed level (<see cref="Compressor"/>), so the same state gives the same bytes, and a part
/// can be written and checked without holding any other part.
/// </summary>
public static class SnapshotFormat
{
    /// <summary>The first eight bytes of every snapshot: "ECOSNAP" and a zero byte.</summary>
    public static ReadOnlySpan<byte> Magic => "ECOSNAP\0"u8;

    /// <summary>The format version this program writes and reads; a change of layout or of any part's content raises it.</summary>
    public const int Version = 2; // 2: firms carry their certification tick

    /// <summary>The name that stands where a part name would, after the last part.</summary>
    public const string EndMarker = "<end>";

    /// <summary>What error messages call the header.</summary>
    public const string HeaderName = "header";

    /// <summary>What error messages call the trailer and the whole-file hash.</summary>
    public const string TrailerName = "trailer";

    /// <summary>Longest part name, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 256;

    /// <summary>Longest part, in bytes before or after compression (what one array can hold).</summary>
    public const long MaxPartBytes = int.MaxValue - 64;

    /// <summary>
    /// The compression of every part: raw deflate at zlib level 0 (stored blocks), fixed so the bytes never depend on
    /// a default. A run's state is mostly doubles whose low bytes are noise: on the baseline's state, level 1 saved 7%
    /// of the size at six times the time of level 0 and level 3 15% at ten times (docs/PERFORMANCE.md, section 13),
    /// so a checkpoint costs about one tick instead of several. Inflate reads any level, so a later format version
    /// may raise it without a new reader.
    /// </summary>
    internal static DeflateStream Compressor(Stream into) =>
        new(into, new ZLibCompressionOptions { CompressionLevel = 0, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen: true);

    /// <summary>Arrays are copied as memory, which is the format's byte order only on a little-endian machine.</summary>
    internal static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("EcoSim snapshots are read and written on little-endian machines only");
    }

    /// <summary>The decompression matching <see cref="Compressor"/>.</summary>
    internal static DeflateStream Decompressor(Stream from) => new(from, CompressionMode.Decompress, leaveOpen: true);
}
