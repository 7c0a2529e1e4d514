using System.Globalization;
using System.Text;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// The data files of a sensitivity analysis: <c>indices.csv</c> (every index of every parameter for every
/// output, with its 90% interval where it has one) and <c>design.csv</c> (every design point's parameter
/// values and its outputs, the mean over the seeds). Numbers are written so that they read back exactly,
/// and rows follow the design's order, so the same analysis writes the same bytes.
/// </summary>
internal static class SensitivityFiles
{
    /// <summary>The indices file's name.</summary>
    public const string IndicesFileName = "indices.csv";
    /// <summary>The design file's name.</summary>
    public const string DesignFileName = "design.csv";
    /// <summary>The header of indices.csv.</summary>
    public const string IndicesHeader = "output,unit,parameter,low,high,index,estimate,p05,p95";

    /// <summary>Writes indices.csv.</summary>
    public static void WriteIndices(string path, SensitivityDesign design, IReadOnlyList<SensitivityResult> results)
    {
        var text = new StringBuilder(IndicesHeader).Append('\n');
        var ranges = design.Ranges.ToDictionary(r => r.Parameter.Name);
        foreach (var result in results)
            foreach (var index in result.Indices)
            {
                var range = ranges[index.Parameter];
                text.Append(result.Label).Append(',').Append(CsvField.Of(result.Output.Unit)).Append(',').Append(index.Parameter).Append(',')
                    .Append(N(range.Low)).Append(',').Append(N(range.High)).Append(',').Append(index.Name).Append(',').Append(N(index.Estimate)).Append(',')
                    .Append(index.Band is { } band ? N(band.Low) : "").Append(',').Append(index.Band is { } b ? N(b.High) : "").Append('\n');
            }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Writes design.csv: <paramref name="outputs"/>[o][p] is output o at point p.</summary>
    public static void WriteDesign(string path, SensitivityDesign design, IReadOnlyList<SensitivityResult> columns, IReadOnlyList<double[]> outputs)
    {
        var text = new StringBuilder("point,").AppendJoin(',', design.Ranges.Select(r => r.Parameter.Name)).Append(',').AppendJoin(',', columns.Select(c => c.Label)).Append('\n');
        for (int p = 0; p < design.Points.Count; p++)
            text.Append(p.ToString(CultureInfo.InvariantCulture)).Append(',').AppendJoin(',', design.Points[p].Select(N)).Append(',')
                .AppendJoin(',', outputs.Select(o => N(o[p]))).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
