using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Experiments.Output;

/// <summary>SHA-256 digests as lower-case hex, as recorded in <see cref="OutputManifest"/>.</summary>
public static class ContentHash
{
    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/> (no byte-order mark).</summary>
    /// <param name="text">The text to hash.</param>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>SHA-256 of the bytes of the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to hash.</param>
    public static string OfFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Describes every file under <paramref name="folder"/> (recursively, sorted by ordinal path),
    /// except <see cref="RunOutputFolder.ManifestFileName"/> at its top level.
    /// </summary>
    /// <param name="folder">The output folder (usually <see cref="RunOutputFolder.WorkingPath"/>).</param>
    /// <param name="hashedAsWritten">
    /// Files of the folder that EcoSim hashed as it wrote them (a run's checkpoints, many megabytes each), by relative
    /// path: taken as they are when the file still has that length, instead of reading and hashing it once more.
    /// </param>
    public static IReadOnlyList<ManifestFile> DescribeFiles(string folder, IReadOnlyDictionary<string, ManifestFile>? hashedAsWritten = null) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => (file, relative: Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.relative != RunOutputFolder.ManifestFileName)
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .Select(f => (f, bytes: new FileInfo(f.file).Length))
            .Select(g => hashedAsWritten is not null && hashedAsWritten.TryGetValue(g.f.relative, out var known) && known.Bytes == g.bytes
                ? known with { Path = g.f.relative }
                : new ManifestFile(g.f.relative, g.bytes, OfFile(g.f.file)))];
}
