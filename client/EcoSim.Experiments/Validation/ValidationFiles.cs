using System.Globalization;
using System.Text;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// facts.csv of a validation: one row per statistic of every fact, with the run's value, the band it must
/// be in (an empty end is none) and whether it is. Numbers read back exactly, rows in the report's order, so the same validation
/// writes the same bytes.
/// </summary>
internal static class ValidationFiles
{
    /// <summary>The file's name.</summary>
    public const string FactsFileName = "facts.csv";
    /// <summary>Its header.</summary>
    public const string FactsHeader = "fact,statistic,value,low,high,open,holds,source";

    /// <summary>Writes facts.csv; a fact with nothing to measure is one row with an empty value.</summary>
    public static void WriteFacts(string path, IReadOnlyList<FactResult> facts)
    {
        var text = new StringBuilder(FactsHeader).Append('\n');
        foreach (var fact in facts)
        {
            if (fact.Statistics.Count == 0)
                text.Append(fact.Id).Append(',').Append(CsvField.Of(fact.Detail)).Append(",,,,,false,").Append(CsvField.Of(fact.Source)).Append('\n');
            foreach (var s in fact.Statistics)
                text.Append(fact.Id).Append(',').Append(CsvField.Of(s.Name)).Append(',').Append(N(s.Value)).Append(',').Append(N(s.Band.Low)).Append(',').Append(N(s.Band.High)).Append(',')
                    .Append(s.Band.Open ? "true" : "false").Append(',').Append(s.Passed ? "true" : "false").Append(',').Append(CsvField.Of(fact.Source)).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>A number that reads back exactly; an open end (infinity) is an empty field.</summary>
    private static string N(double value) => double.IsInfinity(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
