namespace EcoSim.Model.World;

/// <summary>
/// A scheduled change of one parameter: from <see cref="StartTick"/> it moves linearly from
/// <see cref="From"/> to <see cref="To"/>, reaching <see cref="To"/> at <see cref="EndTick"/> and staying
/// there. A plain "set" has <c>StartTick == EndTick</c>.
/// </summary>
/// <param name="Parameter">Parameter name (see <see cref="Parameters.ParameterCatalog"/>).</param>
/// <param name="StartTick">First tick at which the change acts.</param>
/// <param name="EndTick">Tick at which the value reaches <see cref="To"/>.</param>
/// <param name="From">Value at <see cref="StartTick"/>.</param>
/// <param name="To">Value from <see cref="EndTick"/> on.</param>
public sealed record ParameterChange(string Parameter, int StartTick, int EndTick, double From, double To)
{
    /// <summary>The value this change sets at <paramref name="tick"/>, or null before it starts.</summary>
    public double? ValueAt(int tick)
    {
        if (tick < StartTick) return null;
        if (tick >= EndTick) return To;
        double progress = (double)(tick - StartTick) / (EndTick - StartTick);
        return From + (To - From) * progress;
    }
}
