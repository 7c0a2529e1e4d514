using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>
/// What every Parquet file EcoSim writes says about where its rows came from, in the file's key-value
/// metadata, so that a table read on its own (pandas, R arrow, DuckDB) still names its scenario, seeds,
/// engine and program. It repeats facts of <c>manifest.json</c> on purpose: a file copied out of its
/// folder keeps them.
/// </summary>
/// <param name="Scenario">Name of the scenario (a comparison's policy).</param>
/// <param name="ScenarioSha256">SHA-256 of its combined text.</param>
/// <param name="Seeds">The seeds whose runs the file holds.</param>
/// <param name="Engine">The engine that ran them.</param>
/// <param name="CodeVersion">The program's version; a reproduction writes the original's, as it dates its plots with the original's day, so that its files can be compared byte for byte.</param>
public sealed record ParquetProvenance(string Scenario, string ScenarioSha256, IReadOnlyList<ulong> Seeds, string Engine, string CodeVersion)
{
    /// <summary>Prefix of every key EcoSim writes.</summary>
    public const string KeyPrefix = "ecosim.";

    /// <summary>Version of the Parquet layout: 2 since counts are integers and the region has its own scope.</summary>
    public const int FormatVersion = 2;

    /// <summary>A comparison's baseline (name and SHA-256), or null.</summary>
    public (string Name, string Sha256)? Baseline { get; init; }

    /// <summary>
    /// The key-value pairs of a file of kind <paramref name="format"/> whose columns have the units
    /// <paramref name="units"/> (column name to unit, in column order; columns without a unit are left out).
    /// </summary>
    public IReadOnlyDictionary<string, string> KeyValues(string format, IEnumerable<(string Column, string Unit)> units)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KeyPrefix + "format"] = format,
            [KeyPrefix + "format_version"] = FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [KeyPrefix + "scenario"] = Scenario,
            [KeyPrefix + "scenario_sha256"] = ScenarioSha256,
        };
        if (Baseline is var (name, sha))
        {
            pairs[KeyPrefix + "baseline"] = name;
            pairs[KeyPrefix + "baseline_sha256"] = sha;
        }
        pairs[KeyPrefix + "seeds"] = JsonSerializer.Serialize(Seeds);
        pairs[KeyPrefix + "engine"] = Engine;
        pairs[KeyPrefix + "code_version"] = CodeVersion;
        pairs[KeyPrefix + "units"] = UnitsJson(units);
        return pairs;
    }

    // One JSON object, keys in column order: readers get every unit from one entry with one parse.
    private static string UnitsJson(IEnumerable<(string Column, string Unit)> units)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (column, unit) in units) json.WriteString(column, unit);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
