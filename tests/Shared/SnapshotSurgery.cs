using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoSim.Tests.Shared;

/// <summary>
/// Takes a snapshot apart into its parts' byte ranges (by the layout of SnapshotFormat) and puts a changed
/// selection of them back together with a correct trailer (whose hash leaves out the parts' stored bytes), to make snapshots that are whole but wrong.
/// </summary>
internal sealed class SnapshotSurgery
{
    private const int HeaderLength = 12;
    private readonly byte[] _bytes;
    private readonly List<(int Start, int End)> _stored = [];

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
            int data = at + 4 + nameLength + 16, end = data + (int)stored + 32;
            Parts.Add((name, at, end));
            _stored.Add((data, data + (int)stored));
            at = end;
        }
    }

    /// <summary>Each part's name and byte range [Start, End).</summary>
    public List<(string Name, int Start, int End)> Parts { get; } = [];

    /// <summary>The snapshot with <paramref name="parts"/> (by index into <see cref="Parts"/>) in that order, with a matching trailer.</summary>
    public byte[] With(IEnumerable<int> parts)
    {
        var output = new List<byte>(_bytes.AsSpan(0, HeaderLength).ToArray());
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        whole.AppendData(_bytes, 0, HeaderLength);
        int count = 0;
        foreach (int p in parts)
        {
            output.AddRange(_bytes.AsSpan(Parts[p].Start, Parts[p].End - Parts[p].Start).ToArray());
            // The whole-file hash leaves out a part's stored bytes (its own hash covers them).
            whole.AppendData(_bytes, Parts[p].Start, _stored[p].Start - Parts[p].Start);
            whole.AppendData(_bytes, _stored[p].End, Parts[p].End - _stored[p].End);
            count++;
        }
        var end = Encoding.UTF8.GetBytes("<end>");
        var trailer = new byte[8 + end.Length];
        BinaryPrimitives.WriteInt32LittleEndian(trailer, end.Length);
        end.CopyTo(trailer, 4);
        BinaryPrimitives.WriteInt32LittleEndian(trailer.AsSpan(4 + end.Length), count);
        output.AddRange(trailer);
        whole.AppendData(trailer);
        output.AddRange(whole.GetHashAndReset());
        return [.. output];
    }

    /// <summary>The snapshot without part <paramref name="index"/>.</summary>
    public byte[] Without(int index) => With(Enumerable.Range(0, Parts.Count).Where(p => p != index));
}
