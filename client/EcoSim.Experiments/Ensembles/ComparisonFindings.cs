using System.Text;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One key metric's finding: what, when and how sure, each a sentence.</summary>
/// <param name="Metric">Metric column name.</param>
/// <param name="Title">Metric title.</param>
/// <param name="What">The effect at the checkpoints with 90% bands.</param>
/// <param name="When">The first quarter whose band excludes zero.</param>
/// <param name="HowSure">Band width and number of pairs at the last checkpoint.</param>
/// <param name="EndBand">The relative effect's band at the last checkpoint.</param>
/// <param name="Settled">True when there are enough pairs for a band and it excludes zero at the last checkpoint.</param>
/// <param name="SettledSince">When <paramref name="Settled"/>, the first quarter of the unbroken run of quarters clear of zero that reaches the end; else empty.</param>
/// <param name="EndQualifier">"in the year to ..." for counts per quarter, else empty.</param>
internal sealed record MetricFinding(string Metric, string Title, string What, string When, string HowSure, Band EndBand, bool Settled, string SettledSince, string EndQualifier)
{
    /// <summary>Under parameter uncertainty, the seed-only band at the last checkpoint beside <see cref="EndBand"/>; null otherwise.</summary>
    public BothBands? Both { get; init; }

    /// <summary>When the last checkpoint is, as <see cref="BothBands.Sentence"/> starts: "At 2050Q4" or "In the year to 2050Q4".</summary>
    public string EndAt { get; init; } = "";

    /// <summary>The sentences after the title: what, when, how sure and, under parameter uncertainty, both bands.</summary>
    public string Sentences => $"{What} {When} {HowSure}" + (Both is { } both ? " " + both.Sentence(EndAt) : "");

    /// <summary>The finding as one line of text: title, then the sentences.</summary>
    public string Text => $"{Title}: {Sentences}";
}

/// <summary>The findings of a comparison, as sentences shared by findings.md and report.html.</summary>
/// <param name="Title">e.g. "policy compared with baseline".</param>
/// <param name="Question">What the policy scenario asks.</param>
/// <param name="Headline">The largest settled effects at the end (or, with too few pairs, the largest differences and that nothing is settled).</param>
/// <param name="Design">Seeds, horizon, engine, what the numbers mean, what the bands cover and what they leave out.</param>
/// <param name="PairCheck">The common-random-numbers check.</param>
/// <param name="Effects">One finding per key metric.</param>
internal sealed record ComparisonFindings(string Title, string Question, string Headline, string Design, string PairCheck, IReadOnlyList<MetricFinding> Effects)
{
    /// <summary>The closing line naming the data files.</summary>
    public const string Closing = "The median and the 5th and 95th percentiles over the pairs of every metric in every quarter are in summary.csv; each run's metrics are in runs/.";

    /// <summary>The closing line under parameter uncertainty, naming the seed-only columns too.</summary>
    public const string ClosingWithSeedOnly = "The median and the 5th and 95th percentiles over the pairs of every metric in every quarter are in summary.csv, those of seed noise alone in its seed_only_ columns; each run's metrics are in runs/ (the seed-only runs' files start with seed-only-).";

    /// <summary>The closing line that fits these findings.</summary>
    public string ClosingLine => Effects.Any(e => e.Both is not null) ? ClosingWithSeedOnly : Closing;

    /// <summary>The pointer from findings.md to the report.</summary>
    public const string ReportPointer = "report.html shows these findings with the plots, both scenarios, the parameters in force and how to reproduce them.";

    /// <summary>findings.md.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Title).Append("\n\n");
        if (Question.Length > 0) text.Append(Question).Append("\n\n");
        text.Append(Headline).Append("\n\n");
        text.Append(Design).Append("\n\n");
        text.Append(PairCheck).Append("\n\n");
        text.Append("## Effects of the policy\n\n");
        foreach (var effect in Effects) text.Append("- ").Append(effect.Text).Append('\n');
        if (Effects.Any(e => e.Both is not null))
        {
            text.Append("\n## Both kinds of band\n\n").Append(BothBandsTable.Caption(Effects)).Append("\n\n");
            text.Append("| ").Append(string.Join(" | ", BothBandsTable.Header)).Append(" |\n|").Append(string.Concat(BothBandsTable.Header.Select(_ => "---|"))).Append('\n');
            foreach (var row in BothBandsTable.Rows(Effects)) text.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }
        text.Append('\n').Append(ClosingLine).Append(' ').Append(ReportPointer).Append('\n');
        return text.ToString();
    }
}
