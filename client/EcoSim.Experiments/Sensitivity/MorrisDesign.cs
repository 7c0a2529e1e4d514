namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// Morris's elementary-effects design (Morris, "Factorial sampling plans for preliminary computational
/// experiments", Technometrics 33, 161-174, 1991), in the unit cube on a grid of p levels
/// {0, 1/(p-1), ..., 1} with the step Δ = p / (2(p-1)) (p even; 2/3 for the default p = 4).
/// Each of r trajectories has k + 1 points: it starts at a point whose every coordinate is a level drawn
/// uniformly, then moves one parameter at a time, in an order drawn uniformly among the k! orders, by
/// +Δ from the lower half of the levels and by -Δ from the upper half. That pairs level l with level
/// l + p/2, so each move stays on the grid and within [0, 1], and every coordinate is uniform over the
/// levels before and after its move, as in Morris's randomised B* = (J x* + (Δ/2)((2B - J) D* + J)) P*.
/// Points are listed trajectory by trajectory; all draws come from <see cref="DesignRandom"/>.
/// </summary>
public sealed class MorrisDesign
{
    /// <summary>Levels of the grid unless told otherwise.</summary>
    public const int DefaultLevels = 4;

    /// <summary>The design for <paramref name="parameters"/> parameters and <paramref name="trajectories"/> trajectories on <paramref name="levels"/> levels, drawn with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Sizes out of range, or an odd number of levels.</exception>
    public MorrisDesign(int parameters, int trajectories, ulong seed, int levels = DefaultLevels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parameters, SensitivityLimits.MaxParameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trajectories, SensitivityLimits.MaxTrajectories);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "the number of levels must be even and at least 2");
        (Parameters, Trajectories, Levels, Seed) = (parameters, trajectories, levels, seed);
        var random = new DesignRandom(seed);
        var points = new List<double[]>(trajectories * (parameters + 1));
        var orders = new int[trajectories][];
        for (int t = 0; t < trajectories; t++)
        {
            var level = new int[parameters];
            for (int i = 0; i < parameters; i++) level[i] = random.Below(levels, DesignRandom.Use.Trajectory, t, i);
            orders[t] = Order(random, t);
            points.Add([.. level.Select(Coordinate)]);
            foreach (int moved in orders[t])
            {
                level[moved] += level[moved] < levels / 2 ? levels / 2 : -levels / 2;
                points.Add([.. level.Select(Coordinate)]);
            }
        }
        (Points, Orders) = (points, orders);
    }

    /// <summary>The number of parameters, k.</summary>
    public int Parameters { get; }

    /// <summary>The number of trajectories, r.</summary>
    public int Trajectories { get; }

    /// <summary>The number of grid levels, p.</summary>
    public int Levels { get; }

    /// <summary>The seed the trajectories were drawn with.</summary>
    public ulong Seed { get; }

    /// <summary>The step Δ = p / (2(p-1)) in the unit cube.</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <summary>All r (k + 1) points, trajectory by trajectory.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>For each trajectory, the parameters in the order they move.</summary>
    public IReadOnlyList<int[]> Orders { get; }

    /// <summary>The index in <see cref="Points"/> of point <paramref name="step"/> (0 for the start) of trajectory <paramref name="trajectory"/>.</summary>
    public int IndexOf(int trajectory, int step) => trajectory * (Parameters + 1) + step;

    private double Coordinate(int level) => level / (double)(Levels - 1);

    /// <summary>A uniform permutation of the parameters (Fisher-Yates; positions above the parameters' own draw numbers of the same trajectory).</summary>
    private int[] Order(DesignRandom random, int trajectory)
    {
        var order = Enumerable.Range(0, Parameters).ToArray();
        for (int i = Parameters - 1; i > 0; i--)
        {
            int j = random.Below(i + 1, DesignRandom.Use.Trajectory, trajectory, SensitivityLimits.MaxParameters + i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
