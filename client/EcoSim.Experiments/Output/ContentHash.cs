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
    public static IReadOnlyList<ManifestFile> DescribeFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => (file, relative: Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.relative != RunOutputFolder.ManifestFileName)
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .Select(f => new ManifestFile(f.relative, new FileInfo(f.file).Length, OfFile(f.file)))];
}
