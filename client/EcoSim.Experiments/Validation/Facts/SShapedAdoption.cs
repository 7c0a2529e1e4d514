using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// S-shaped adoption (Griliches 1957; Bass 1969, Management Science 15; Rogers' diffusion curve): after a
/// new technology generation appears in a cluster, the share of the cluster's firms on it (or on a newer
/// one) is below 10% in the first tick and above 50% later, and its per-tick increase first rises, then
/// falls: the mean increase over the middle third of the diffusion window exceeds the mean increases over
/// the first and the last thirds. The generation looked at is found in the run: among generations that
/// appear during it and reach 75% before the next one appears (or the run ends), so that the whole S is
/// seen, the one in the cluster with most firms, whose curve is the least noisy. The share counted from
/// the firms must also be the metrics' <c>adoption_share</c> while the generation is the newest.
/// </summary>
public sealed class SShapedAdoption : IStylizedFact
{
    /// <inheritdoc/>
    public string Id => "s-shaped-adoption";

    /// <summary>The curve looked at: its cluster, generation, first tick and shares, or null if the run has none.</summary>
    public static (int Cluster, int Generation, int First, double[] Shares)? Curve(ValidationHistory history)
    {
        (int, int, int, double[])? best = null;
        double bestFirms = 0;
        for (int c = 0; c < history.World.ClusterCount; c++)
        {
            var appears = new Dictionary<int, int>();
            for (int t = 0; t < history.Vintages.Count; t++)
                for (int g = 0; g < history.Vintages[t][c].Length; g++)
                    if (history.Vintages[t][c][g] > 0) appears.TryAdd(g, t);
            foreach (var (g, first) in appears)
            {
                if (g == 0 || first == 0) continue;
                int end = appears.TryGetValue(g + 1, out int next) ? next - 1 : history.Vintages.Count - 1;
                var shares = new List<double>();
                for (int t = first; t <= end; t++)
                {
                    var counts = history.Vintages[t][c];
                    double on = 0, all = 0;
                    for (int v = 0; v < counts.Length; v++) { all += counts[v]; if (v >= g) on += counts[v]; }
                    shares.Add(on / all);
                    if (shares[^1] >= 0.9) break;
                }
                double firms = history.Rows[first][c][MetricColumns.Firms];
                if (shares.Count >= 9 && shares[^1] >= 0.75 && firms > bestFirms)
                {
                    best = (c, g, first, shares.ToArray());
                    bestFirms = firms;
                }
            }
        }
        return best;
    }

    /// <inheritdoc/>
    public FactResult Check(ValidationHistory history)
    {
        const string claim = "Adoption of a new technology generation follows an S-curve.";
        const string source = "Griliches (1957), Econometrica 25; Bass (1969), Management Science 15; Rogers, Diffusion of Innovations";
        if (Curve(history) is not var (cluster, generation, first, shares))
            return new FactResult(Id, claim, source, [], "no technology generation appeared during the run and reached 75% adoption before the next one: nothing to measure");
        var increases = new double[shares.Length];
        increases[0] = shares[0];
        for (int k = 1; k < shares.Length; k++) increases[k] = shares[k] - shares[k - 1];
        int third = increases.Length / 3;
        double early = increases[..third].Average(), middle = increases[third..^third].Average(), late = increases[^third..].Average();
        double gap = 0;
        for (int k = 0; k < shares.Length; k++) gap = Math.Max(gap, Math.Abs(history.Rows[first + k][cluster][MetricColumns.AdoptionShare] - shares[k]));
        return new FactResult(Id, claim, source,
            [
                new("share on the new generation in its first quarter", shares[0], FactBand.Below(0.10)),
                new("highest share on it", shares.Max(), FactBand.Above(0.50)),
                new("mean increase per quarter, middle third minus first third", middle - early, FactBand.Above(0)),
                new("mean increase per quarter, middle third minus last third", middle - late, FactBand.Above(0)),
                new("largest gap between the share counted from firms and the metrics' adoption_share", gap, FactBand.AtMost(1e-9)),
            ],
            $"cluster {history.World.Clusters[cluster].Id}, generation {generation} from {history.World.PeriodOf(first)}: shares {string.Join(" ", shares.Select(s => s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}; " +
            $"mean increase per quarter: first third {FactResult.Number(early)}, middle third {FactResult.Number(middle)}, last third {FactResult.Number(late)}");
    }

    /// <inheritdoc/>
    public Plot Draw(ValidationHistory history)
    {
        var plot = PlotCanvas.Create("Adoption of a new technology generation");
        plot.YLabel("share of the cluster's firms on it or newer", size: 14);
        if (Curve(history) is not var (cluster, generation, first, shares)) return plot;
        var xs = Enumerable.Range(first, shares.Length).Select(t => history.Rows[t][cluster].Time).ToArray();
        var line = plot.Add.ScatterLine(xs, shares);
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = $"cluster {history.World.Clusters[cluster].Id}, generation {generation}";
        foreach (var (level, text) in new[] { (0.1, "10%"), (0.5, "50%") })
        {
            var mark = plot.Add.HorizontalLine(level);
            mark.LinePattern = LinePattern.Dashed;
            mark.Color = Colors.Gray;
            mark.LegendText = text;
        }
        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
