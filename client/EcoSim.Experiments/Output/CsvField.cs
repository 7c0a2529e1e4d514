namespace EcoSim.Experiments.Output;

/// <summary>A text field of the hand-written CSV files (indices, design, facts, calibration), quoted when it holds a comma or a quote (RFC 4180): units such as "index, 2023 region = 100" do.</summary>
internal static class CsvField
{
    /// <summary>The field as it is written.</summary>
    public static string Of(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
