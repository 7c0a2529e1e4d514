using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Tests.Shared;

/// <summary>
/// Takes a snapshot apart into its parts' byte ranges (by the layout of SnapshotFormat) and puts a changed
/// selection of them back together with a correct trailer, to make snapshots that are whole but wrong.
/// </summary>
internal sealed class SnapshotSurgery
{
    private const int HeaderLength = 12;
    private readonly byte[] _bytes;

    public SnapshotSurgery(byte[] bytes)
    {
        _bytes = bytes;
        int at = HeaderLength;
        while (true)
        {
            int nameLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            string name = Encoding.UTF8.GetString(bytes, at + 4, nameLength);
            if (name == "<end>") break;
            long stored = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 4 + nameLength + 8));
            int end = at + 4 + nameLength + 16 + (int)stored + 32;
            Parts.Add((name, at, end));
            at = end;
        }
    }

    /// <summary>Each part's name and byte range [Start, End).</summary>
    public List<(string Name, int Start, int End)> Parts { get; } = [];

    /// <summary>The snapshot with <paramref name="parts"/> (by index into <see cref="Parts"/>) in that order, with a matching trailer.</summary>
    public byte[] With(IEnumerable<int> parts)
    {
        var output = new List<byte>(_bytes.AsSpan(0, HeaderLength).ToArray());
        int count = 0;
        foreach (int p in parts)
        {
            output.AddRange(_bytes.AsSpan(Parts[p].Start, Parts[p].End - Parts[p].Start).ToArray());
            count++;
        }
        var end = Encoding.UTF8.GetBytes("<end>");
        var trailer = new byte[8 + end.Length];
        BinaryPrimitives.WriteInt32LittleEndian(trailer, end.Length);
        end.CopyTo(trailer, 4);
        BinaryPrimitives.WriteInt32LittleEndian(trailer.AsSpan(4 + end.Length), count);
        output.AddRange(trailer);
        output.AddRange(SHA256.HashData(output.ToArray()));
        return [.. output];
    }

    /// <summary>The snapshot without part <paramref name="index"/>.</summary>
    public byte[] Without(int index) => With(Enumerable.Range(0, Parts.Count).Where(p => p != index));
}
