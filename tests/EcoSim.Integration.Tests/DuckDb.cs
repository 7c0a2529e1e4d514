using DuckDB.NET.Data;

namespace EcoSim.Integration.Tests;

/// <summary>Queries files with DuckDB, an independent Parquet reader: what a data user's SQL sees.</summary>
internal static class DuckDb
{
    /// <summary>Every row the query returns, each value as DuckDB's ADO.NET provider hands it over.</summary>
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A path as an SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''") + "'";

    /// <summary>Column name to SQL type of a Parquet file, in column order.</summary>
    public static List<(string Name, string Type)> Columns(string path) =>
        [.. Query($"DESCRIBE SELECT * FROM read_parquet({Literal(path)})").Select(r => ((string)r[0]!, (string)r[1]!))];

    /// <summary>The <c>unit</c> each column chunk of the first row group carries in its key-value metadata, by column (columns without one left out).</summary>
    public static Dictionary<string, string> ColumnUnits(string path) =>
        Query($"SELECT path_in_schema, decode(key), decode(value) FROM (SELECT path_in_schema, unnest(map_entries(key_value_metadata)) AS e FROM parquet_metadata({Literal(path)}) " +
              "WHERE row_group_id = 0), LATERAL (SELECT e.key AS key, e.value AS value) WHERE decode(key) = 'unit'")
            .ToDictionary(r => (string)r[0]!, r => (string)r[2]!);

    /// <summary>The file-level key-value metadata, as <c>parquet_kv_metadata</c> gives it.</summary>
    public static Dictionary<string, string> KeyValues(string path) =>
        Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({Literal(path)})").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
}
