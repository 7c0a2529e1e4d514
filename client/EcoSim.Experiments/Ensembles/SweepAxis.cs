using System.Globalization;
using EcoSim.Model.Parameters;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// One lever of a sweep: a model parameter and the evenly spaced values it takes, from
/// <paramref name="From"/> to <paramref name="To"/> in steps of <paramref name="Step"/>. The grid is
/// computed in decimal, so 0.1:0.5:0.1 gives exactly 0.1, 0.2, 0.3, 0.4 and 0.5.
/// </summary>
/// <param name="Parameter">The parameter, from the catalogue.</param>
/// <param name="From">First value.</param>
/// <param name="To">Last value.</param>
/// <param name="Step">Distance between values, positive.</param>
public sealed record SweepAxis(ParameterSpec Parameter, decimal From, decimal To, decimal Step)
{
    /// <summary>Number of values.</summary>
    public int Count => (int)((To - From) / Step) + 1;

    /// <summary>The values, low to high.</summary>
    public IReadOnlyList<double> Values => [.. Enumerable.Range(0, Count).Select(i => (double)(From + i * Step))];

    /// <summary>As written on the command line, normalised: <c>name=from:to:step</c>.</summary>
    public override string ToString() => $"{Parameter.Name}={Text((double)From)}:{Text((double)To)}:{Text((double)Step)}";

    /// <summary>A value as text: invariant, shortest round-trip form.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
