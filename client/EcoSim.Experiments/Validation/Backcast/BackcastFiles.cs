using System.Globalization;
using System.Text;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Validation.Backcast;

/// <summary>
/// The back-cast's two files beside facts.csv: backcast.csv, year by year (observed, simulated, error;
/// empty where a year has no observation), and backcast-fit.csv, a series a line with its RMSPE, worst
/// year, limits, verdict and source. Numbers read back exactly.
/// </summary>
internal static class BackcastFiles
{
    /// <summary>The files' names.</summary>
    public const string YearsFileName = "backcast.csv", FitFileName = "backcast-fit.csv";

    /// <summary>backcast.csv's header.</summary>
    public const string YearsHeader = "indicator,year,unit,observed,simulated,error_percent";

    /// <summary>backcast-fit.csv's header.</summary>
    public const string FitHeader = "indicator,observations,rmspe_percent,max_rmspe_percent,worst_year,worst_error_percent,max_year_error_percent,holds,source";

    /// <summary>Writes backcast.csv to <paramref name="yearsPath"/> and backcast-fit.csv to <paramref name="fitPath"/>.</summary>
    public static void Write(string yearsPath, string fitPath, BackcastFit fit)
    {
        var years = new StringBuilder(YearsHeader).Append('\n');
        foreach (var y in fit.Years)
            years.Append(y.Indicator.Name).Append(',').Append(y.Year.ToString(CultureInfo.InvariantCulture)).Append(',').Append(CsvField.Of(y.Indicator.Unit)).Append(',')
                .Append(y.IsObserved ? N(y.Observed) : "").Append(',').Append(N(y.Simulated)).Append(',').Append(y.IsObserved ? N(y.ErrorPercent) : "").Append('\n');
        File.WriteAllText(yearsPath, years.ToString(), new UTF8Encoding(false));

        var series = new StringBuilder(FitHeader).Append('\n');
        foreach (var s in fit.Series)
            series.Append(s.Acceptance.Indicator.Name).Append(',').Append(s.Observations.ToString(CultureInfo.InvariantCulture)).Append(',').Append(N(s.Rmspe)).Append(',')
                .Append(N(s.Acceptance.MaxRmspe)).Append(',').Append(s.WorstYear.ToString(CultureInfo.InvariantCulture)).Append(',').Append(N(s.WorstError)).Append(',')
                .Append(N(s.Acceptance.MaxYearError)).Append(',').Append(s.Passed ? "true" : "false").Append(',').Append(CsvField.Of(s.Acceptance.Source)).Append('\n');
        File.WriteAllText(fitPath, series.ToString(), new UTF8Encoding(false));
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
