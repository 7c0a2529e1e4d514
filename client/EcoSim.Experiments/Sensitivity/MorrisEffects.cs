namespace EcoSim.Experiments.Sensitivity;

/// <summary>One parameter's elementary-effect statistics over the trajectories of a <see cref="MorrisDesign"/>.</summary>
/// <param name="Mu">The mean elementary effect: its sign says the direction of a mostly monotone effect.</param>
/// <param name="MuStar">The mean absolute elementary effect (Campolongo, Cariboni and Saltelli 2007), with its 90% bootstrap interval: the measure of importance.</param>
/// <param name="Sigma">The standard deviation of the elementary effects (divisor r - 1): large where the effect depends on the other parameters or is not linear.</param>
public sealed record MorrisEffect(double Mu, Interval MuStar, double Sigma);

/// <summary>
/// Elementary effects from the outputs at the points of a <see cref="MorrisDesign"/>: for the parameter
/// that moves at a step, (y after - y before) / (±Δ), in output units per whole range of the parameter
/// (coordinates are in the unit cube), so effects of parameters with different units compare directly.
/// Intervals resample the trajectories by <see cref="Bootstrap"/>.
/// </summary>
public static class MorrisEffects
{
    /// <summary>The statistics of each parameter of <paramref name="design"/> from <paramref name="outputs"/> (one per point, in the design's order).</summary>
    /// <exception cref="ArgumentException">The number of outputs is not the number of points.</exception>
    public static IReadOnlyList<MorrisEffect> Estimate(MorrisDesign design, IReadOnlyList<double> outputs, ulong seed)
    {
        if (outputs.Count != design.Points.Count) throw new ArgumentException($"{outputs.Count} outputs for {design.Points.Count} design points", nameof(outputs));
        var effects = Effects(design, outputs);
        int k = design.Parameters, r = design.Trajectories;
        var muStar = Bootstrap.Intervals(r, k, seed, trajectories =>
            [.. Enumerable.Range(0, k).Select(i => trajectories.Sum(t => Math.Abs(effects[t][i])) / trajectories.Length)]);
        return [.. Enumerable.Range(0, k).Select(i =>
        {
            double mu = 0;
            for (int t = 0; t < r; t++) mu += effects[t][i];
            mu /= r;
            double squares = 0;
            for (int t = 0; t < r; t++) squares += (effects[t][i] - mu) * (effects[t][i] - mu);
            return new MorrisEffect(mu, muStar[i], Math.Sqrt(squares / (r - 1)));
        })];
    }

    /// <summary>For each trajectory, the elementary effect of each parameter.</summary>
    public static double[][] Effects(MorrisDesign design, IReadOnlyList<double> outputs)
    {
        var effects = new double[design.Trajectories][];
        for (int t = 0; t < design.Trajectories; t++)
        {
            effects[t] = new double[design.Parameters];
            for (int step = 1; step <= design.Parameters; step++)
            {
                int moved = design.Orders[t][step - 1];
                var (before, after) = (design.Points[design.IndexOf(t, step - 1)], design.Points[design.IndexOf(t, step)]);
                double change = after[moved] - before[moved];
                effects[t][moved] = (outputs[design.IndexOf(t, step)] - outputs[design.IndexOf(t, step - 1)]) / change;
            }
        }
        return effects;
    }
}
