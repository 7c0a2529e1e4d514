using EcoSim.Experiments.Calibration;

namespace EcoSim.Experiments.Validation.Backcast;

/// <summary>
/// How far the back-cast may miss each observed series and still hold, with where each limit comes from:
/// the series' RMS percentage error (<see cref="CalibrationTarget.RmsPercentageError"/>) and its largest
/// error in any one year. One definition, used by check-model's verdict, its report and docs/VALIDATION.md.
/// </summary>
/// <param name="Indicator">The observed series.</param>
/// <param name="MaxRmspe">Largest RMS percentage error, in per cent.</param>
/// <param name="MaxYearError">Largest absolute error of one year, in per cent.</param>
/// <param name="Source">Why these limits.</param>
public sealed record BackcastAcceptance(CalibrationIndicator Indicator, double MaxRmspe, double MaxYearError, string Source)
{
    /// <summary>The limits of every indicator a target may hold.</summary>
    public static IReadOnlyList<BackcastAcceptance> All { get; } =
    [
        new(CalibrationIndicator.RdExpenditure, 3.5, 8,
            "docs/SCENARIOS.md 8.3 and 8.5: the calibration reached 2.11% RMSPE over the eight observed years; 3.5% adds 1.4 points of margin for model changes, and no year may be more than 8% off (the limits of the back-cast's test)"),
        new(CalibrationIndicator.RdPersonnel, 10, 10,
            "docs/SCENARIOS.md 8.2: the calibration kept only points within 10% of the 1.35 million R&D personnel of 2023 (chinaservicesinfo.com), a figure independent of the R&D series"),
        new(CalibrationIndicator.HighTechEnterprises, 15, 15,
            "the aim set for the count of certified high-tech enterprises, 2016 to 2023 (docs/SCENARIOS.md 8.7): within 15% of 19,857 (2016) and 75,000 (2023), read from certified_firms at the year's end (the limits of the back-cast's test)"),
    ];

    /// <summary>The limits of <paramref name="indicator"/>.</summary>
    public static BackcastAcceptance Of(CalibrationIndicator indicator) => All.Single(a => a.Indicator == indicator);
}
