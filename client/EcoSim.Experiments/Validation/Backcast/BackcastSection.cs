using System.Globalization;
using System.Text;
using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Validation.Backcast;

/// <summary>
/// The report's section on the back-cast: how it was run, each series' verdict with its limits and
/// their source, the year-by-year table and the plots (the same numbers as backcast.csv and backcast-fit.csv).
/// </summary>
/// <param name="How">How the back-cast was run, in words.</param>
/// <param name="Fit">The fit.</param>
/// <param name="Plots">The plots, in the series' order.</param>
internal sealed record BackcastSection(string How, BackcastFit Fit, FiguresSection Plots) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "backcast";

    /// <inheritdoc/>
    public string Heading => "Back-cast: the observed path, year by year";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        html.Append("<p class=\"headline\">").Append(Html.Escape(Headline(Fit))).Append("</p>\n");
        html.Append("<p>").Append(Html.Escape(How)).Append("</p>\n<ul class=\"findings\">\n");
        foreach (var s in Fit.Series)
            html.Append("<li><strong>").Append(s.Passed ? "Holds" : "Fails").Append("</strong>: ").Append(Html.Escape(s.Sentence))
                .Append(" Limits: ").Append(Html.Escape(s.Acceptance.Source)).Append(".</li>\n");
        html.Append("</ul>\n<table>\n<thead><tr><th>indicator</th><th>year</th><th>observed</th><th>model</th><th>error</th></tr></thead>\n<tbody>\n");
        foreach (var y in Fit.Years)
            html.Append("<tr><td>").Append(Html.Escape(y.Indicator.Name)).Append("</td><td>").Append(y.Year.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(y.IsObserved ? Html.Escape(Number(y.Observed, y.Indicator.Unit)) : "no figure")
                .Append("</td><td>").Append(Html.Escape(Number(y.Simulated, y.Indicator.Unit)))
                .Append("</td><td>").Append(y.IsObserved ? Html.Escape(y.ErrorPercent.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%") : "").Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n<p>").Append(Html.Escape("backcast.csv has every year with every number in full; backcast-fit.csv each series' verdict.")).Append("</p>\n");
        Plots.RenderBody(html);
    }

    /// <summary>The verdict in one sentence, as the command prints it.</summary>
    public static string Headline(BackcastFit fit) =>
        $"Back-cast: {(fit.Passed ? "holds" : "fails")} ({string.Join("; ", fit.Series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Acceptance.Indicator.Name} RMSPE {s.Rmspe:0.00}%, at most {s.Acceptance.MaxRmspe:0.##}%, worst year {s.WorstError:+0.00;-0.00;0.00}%{(s.Passed ? "" : " FAILS")}")))}).";

    /// <summary>How the back-cast is run, in a sentence or two (printed as a note and shown in the report).</summary>
    public static string Describe(BackcastCheck check)
    {
        var world = check.Scenario.World;
        return $"The back-cast: one run of {check.Scenario.Name} from {world.Start} to {world.PeriodOf(world.Ticks - 1)} ({world.Ticks} quarters) with its own seed {world.Seed}, the seed its parameters were calibrated with, " +
               $"against the {check.Target.Count} observations of {check.TargetName}; the same run in --quick as in the full check. " +
               "Each series is judged by its RMS percentage error over the observed years and by its worst year.";
    }

    private static string Number(double value, string unit) =>
        unit == "count" ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("#,0.00", CultureInfo.InvariantCulture) + " " + unit;
}
