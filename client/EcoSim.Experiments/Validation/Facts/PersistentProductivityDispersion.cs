using EcoSim.Experiments.Output;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// Persistent productivity dispersion within clusters (Syverson 2011, JEL 49: large and persistent
/// productivity differences within narrowly defined industries; a 90/10 TFP ratio of about 2 in US
/// manufacturing, larger in China). Log productivity net of its cluster's mean has an s.d. between 0.2
/// and 1.0 and a 90/10 ratio above 2 after 5, 10 and 20 years.
/// </summary>
public sealed class PersistentProductivityDispersion : IStylizedFact
{
    /// <summary>The ticks looked at: the ends of years 5, 10 and 20.</summary>
    public static readonly int[] Ticks = [19, 39, 79];

    /// <inheritdoc/>
    public string Id => "productivity-dispersion";

    /// <inheritdoc/>
    public FactResult Check(ValidationHistory history)
    {
        var statistics = new List<FactStatistic>();
        var detail = new List<string>();
        foreach (int tick in Ticks)
        {
            var deviations = Deviations(history, tick);
            var sorted = deviations.Order().ToArray();
            double sd = FactStatistics.StandardDeviation(deviations);
            double ratio = Math.Exp(FactStatistics.Quantile(sorted, 0.9) - FactStatistics.Quantile(sorted, 0.1));
            int year = (tick + 1) / 4;
            statistics.Add(new($"s.d. of log productivity within clusters, year {year}", sd, FactBand.Between(0.2, 1.0)));
            statistics.Add(new($"90/10 productivity ratio within clusters, year {year}", ratio, FactBand.Above(2)));
            detail.Add($"year {year}: s.d. {FactResult.Number(sd)}, 90/10 {FactResult.Number(ratio)}");
        }
        return new FactResult(Id, "Productivity differs widely and persistently between firms of one cluster.",
            "Syverson (2011), J. Econ. Lit. 49: 90/10 TFP ratio about 2 in US manufacturing, larger in China", statistics, string.Join("; ", detail));
    }

    /// <inheritdoc/>
    public Plot Draw(ValidationHistory history)
    {
        var plot = PlotCanvas.Create("Log productivity within clusters after 5, 10 and 20 years");
        plot.XLabel("log productivity net of the cluster's mean", size: 14);
        plot.YLabel("share of firms per unit", size: 14);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic();
        var palette = new ScottPlot.Palettes.Category10();
        for (int k = 0; k < Ticks.Length; k++)
        {
            var deviations = Deviations(history, Ticks[k]);
            var sorted = deviations.Order().ToArray();
            double low = FactStatistics.Quantile(sorted, 0.005), high = FactStatistics.Quantile(sorted, 0.995);
            const int bins = 50;
            double width = (high - low) / bins;
            var counts = new double[bins];
            foreach (double d in deviations)
                if (d >= low && d < high) counts[Math.Min(bins - 1, (int)((d - low) / width))]++;
            var line = plot.Add.ScatterLine(Enumerable.Range(0, bins).Select(b => low + (b + 0.5) * width).ToArray(), counts.Select(c => c / (deviations.Count * width)).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.Color = palette.GetColor(k);
            line.LegendText = $"year {(Ticks[k] + 1) / 4}: 90/10 ratio {Math.Exp(FactStatistics.Quantile(sorted, 0.9) - FactStatistics.Quantile(sorted, 0.1)):0.0}";
        }
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static List<double> Deviations(ValidationHistory history, int tick)
    {
        var snapshot = history.Snapshots[tick];
        var deviations = new List<double>();
        for (int c = 0; c < snapshot.Productivity.Length; c++)
        {
            var logs = new List<double>();
            for (int i = 0; i < snapshot.Productivity[c].Length; i++)
                if (snapshot.Alive[c][i]) logs.Add(Math.Log(snapshot.Productivity[c][i]));
            if (logs.Count == 0) continue;
            double mean = FactStatistics.Mean(logs);
            deviations.AddRange(logs.Select(v => v - mean));
        }
        return deviations;
    }
}
