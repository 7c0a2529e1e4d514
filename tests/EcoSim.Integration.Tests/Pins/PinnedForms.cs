using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;

namespace EcoSim.Integration.Tests.Pins;

/// <summary>How a pinned file is reduced to the text whose SHA-256 the pin table holds.</summary>
internal enum PinForm
{
    /// <summary>The file's bytes as they are (CSV, Markdown).</summary>
    Bytes,
    /// <summary>A Parquet file's schema, key-value metadata and every value's bits (<see cref="PinnedForms.ParquetAsync"/>).</summary>
    Parquet,
    /// <summary>manifest.json without what differs from one machine, commit or moment to the next (<see cref="PinnedForms.Manifest"/>).</summary>
    Manifest,
}

/// <summary>
/// The forms in which output files are pinned. A file's plain bytes are pinned where they depend on
/// nothing but the model; a Parquet file and the manifest record the code version, times and paths of
/// the machine, so they are pinned through a text that leaves out exactly those facts and keeps the rest.
/// </summary>
internal static class PinnedForms
{
    /// <summary>Parquet metadata keys that change with every commit, not with the model's output.</summary>
    private static readonly HashSet<string> PerCommitKeys = new(StringComparer.Ordinal) { "ecosim.code_version" };

    /// <summary>Manifest keys that record when, where and with which build the command ran.</summary>
    private static readonly HashSet<string> CircumstantialKeys = new(StringComparer.Ordinal)
    {
        "startedUtc", "endedUtc", "codeVersion", "uncommittedChanges", "runtimeVersion", "osDescription", "commandLine",
    };

    /// <summary>Lower-case hex SHA-256 of <paramref name="path"/> in <paramref name="form"/>.</summary>
    public static async Task<string> HashAsync(string path, PinForm form) => form switch
    {
        PinForm.Bytes => Hex(SHA256.HashData(await File.ReadAllBytesAsync(path))),
        PinForm.Parquet => HashText(await ParquetAsync(path)),
        PinForm.Manifest => HashText(Manifest(await File.ReadAllTextAsync(path))),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>The form a file of an output folder is pinned in, by its name.</summary>
    public static PinForm FormOf(string relativePath) => Path.GetExtension(relativePath) switch
    {
        ".parquet" => PinForm.Parquet,
        ".json" => PinForm.Manifest,
        _ => PinForm.Bytes,
    };

    /// <summary>
    /// A Parquet file as text: each field's name, type and nullability with its column chunks' key-value
    /// metadata, the file's key-value metadata but the per-commit keys, and every value of every row group
    /// in file order, doubles by their 64 bits.
    /// </summary>
    public static async Task<string> ParquetAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var text = new StringBuilder();
        var fields = reader.Schema.GetDataFields();
        foreach (var field in fields) text.Append("field ").Append(field.Name).Append(' ').Append(field.ClrType.Name).Append(field.IsNullable ? " nullable" : "").Append('\n');
        foreach (var (key, value) in reader.CustomMetadata.Where(kv => !PerCommitKeys.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            text.Append("meta ").Append(key).Append('=').Append(value).Append('\n');
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            text.Append("group ").Append(g).Append(' ').Append(group.RowCount).Append('\n');
            foreach (var field in fields)
            {
                foreach (var (key, value) in group.GetCustomMetadata(field).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    text.Append("column-meta ").Append(field.Name).Append(' ').Append(key).Append('=').Append(value).Append('\n');
                text.Append("column ").Append(field.Name).Append(':');
                foreach (string value in await ValuesAsync(group, field, checked((int)group.RowCount))) text.Append(' ').Append(value);
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// manifest.json as canonical JSON without the keys that record the moment, the build and the command
    /// (<see cref="CircumstantialKeys"/>), every rooted path cut to its file name, and the hashes and sizes
    /// of the files that carry such facts themselves (Parquet metadata, the report); every other key and
    /// value, the list of files and the data files' hashes stay.
    /// </summary>
    public static string Manifest(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        Normalise(root);
        if (root["files"] is JsonArray files)
            foreach (var file in files.OfType<JsonObject>())
                if (FormOf((string)file["path"]!) != PinForm.Bytes || ((string)file["path"]!).EndsWith(".html", StringComparison.Ordinal))
                {
                    file.Remove("bytes");
                    file.Remove("sha256");
                }
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(kv => kv.Key).ToList())
                {
                    if (CircumstantialKeys.Contains(key)) { obj.Remove(key); continue; }
                    if (obj[key] is JsonValue value && value.TryGetValue(out string? text) && Path.IsPathRooted(text)) obj[key] = Path.GetFileName(text);
                    else Normalise(obj[key]);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Normalise(item);
                break;
        }
    }

    private static async Task<IEnumerable<string>> ValuesAsync(ParquetRowGroupReader group, DataField field, int n)
    {
        Type type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v is null ? "null" : $"\"{v}\"");
        }
        if (type == typeof(double)) return (await Read<double>(group, field, n)).Select(v => v is double d ? BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture) : "null");
        if (type == typeof(long)) return Show(await Read<long>(group, field, n));
        if (type == typeof(ulong)) return Show(await Read<ulong>(group, field, n));
        if (type == typeof(int)) return Show(await Read<int>(group, field, n));
        if (type == typeof(bool)) return Show(await Read<bool>(group, field, n));
        throw new NotSupportedException($"{field.Name}: no pinned form for Parquet values of type {type}; add one to {nameof(PinnedForms)}");
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        if (field.IsNullable) await group.ReadAsync<T>(field, values.AsMemory());
        else
        {
            var plain = new T[n];
            await group.ReadAsync<T>(field, plain.AsMemory());
            for (int i = 0; i < n; i++) values[i] = plain[i];
        }
        return values;
    }

    private static IEnumerable<string> Show<T>(T?[] values) where T : struct =>
        values.Select(v => v is T x ? Convert.ToString(x, CultureInfo.InvariantCulture)! : "null");

    private static string HashText(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
