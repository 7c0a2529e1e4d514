namespace EcoSim.Model.Snapshots;

/// <summary>
/// The byte layout of a run snapshot (<c>.ecosnap</c>), in one place. A snapshot is:
/// <list type="number">
/// <item>the header: <see cref="Magic"/> (8 bytes) and the format version (int32);</item>
/// <item>named parts, in the order <see cref="SnapshotParts"/> lists them, each as its name (length-prefixed UTF-8),
/// the length of its state before and after compression (int64 each, equal: see below), the stored bytes, and the
/// SHA-256 of everything of the part before it (name, lengths, bytes);</item>
/// <item>the trailer: <see cref="EndMarker"/>, the number of parts (int32) and the whole-file SHA-256: the hash of every
/// byte before it except the parts' stored bytes, which each part's own SHA-256 (included) already covers. So each byte is
/// hashed once when written and once when read, and a changed byte anywhere still changes the whole-file hash.</item>
/// </list>
/// Numbers are little-endian; doubles are their IEEE 754 bits, so a value read back is the value written.
/// Each part is stored as it is encoded, uncompressed, so the same state gives the same bytes, and a part can be written
/// and checked without holding any other part. Version 1 deflated each part at zlib level 0 (stored blocks): the same
/// size within 0.01%, at twice the time of encoding and hashing together (docs/PERFORMANCE.md, section 13); a run's
/// state is mostly doubles whose low bytes are noise, so a real level saved 7 to 15% of the size at six to ten times
/// the time. Version 2 stores the bytes as they are and keeps both lengths, so a later version can compress again
/// without a new layout. Version 3 changes only the <c>firms/C</c> parts: they hold the firms the run still holds (the live
/// ones and the exits it keeps until a census reports them, see <see cref="State.ExitRetention"/>), no longer every firm
/// ever entered, so each carries its firms' index column; version 2 files, whose firm parts hold every firm from index 0,
/// are still read (<see cref="OldestReadable"/>).
/// </summary>
public static class SnapshotFormat
{
    /// <summary>The first eight bytes of every snapshot: "ECOSNAP" and a zero byte.</summary>
    public static ReadOnlySpan<byte> Magic => "ECOSNAP\0"u8;

    /// <summary>
    /// The format version this program writes; a change of layout or of any part's content raises it (2: parts
    /// uncompressed, and firms carry their certification tick; 3: the firm parts hold only the firms still held, with
    /// their indices).
    /// </summary>
    public const int Version = 3;

    /// <summary>The oldest format version this program still reads: version 2, whose firm parts hold every firm slot from index 0.</summary>
    public const int OldestReadable = 2;

    /// <summary>What a refusal of another version says was expected.</summary>
    public static string Readable => $"version {Version} (or {OldestReadable})";

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

    /// <summary>Arrays are copied as memory, which is the format's byte order only on a little-endian machine.</summary>
    internal static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("EcoSim snapshots are read and written on little-endian machines only");
    }

}
