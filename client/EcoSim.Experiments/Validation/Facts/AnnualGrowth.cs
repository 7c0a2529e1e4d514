namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// Annual log revenue growth from year 19 to year 20 (ticks 75 to 79) of the firms alive at both, net of
/// their cluster's mean, with each firm's revenue at the start: what the growth-rate facts measure. Firms are paired by
/// their cluster index (both censuses are in index order), not by position.
/// </summary>
internal static class AnnualGrowth
{
    /// <summary>The growth rates and the sizes at the start, firm by firm in the same order.</summary>
    public static (List<double> Growth, List<double> Size) Of(ValidationHistory history)
    {
        var from = history.Snapshots[ValidationHistory.Ticks - 5];
        var to = history.Snapshots[ValidationHistory.Ticks - 1];
        var growth = new List<double>();
        var size = new List<double>();
        for (int c = 0; c < from.Revenue.Length; c++)
        {
            var rates = new List<double>();
            long[] fromIndex = from.Index[c], toIndex = to.Index[c];
            int j = 0;
            for (int i = 0; i < fromIndex.Length; i++)
            {
                if (!from.Alive[c][i]) continue;
                while (j < toIndex.Length && toIndex[j] < fromIndex[i]) j++;
                if (j < toIndex.Length && toIndex[j] == fromIndex[i] && to.Alive[c][j])
                {
                    rates.Add(Math.Log(to.Revenue[c][j] / from.Revenue[c][i]));
                    size.Add(from.Revenue[c][i]);
                }
            }
            if (rates.Count == 0) continue;
            double mean = FactStatistics.Mean(rates);
            growth.AddRange(rates.Select(r => r - mean));
        }
        return (growth, size);
    }
}
