using ScottPlot;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// One stylized fact the model must reproduce: how to measure it on a run, and a picture of what was
/// measured so that a referee sees more than pass or fail. The checks are the model's validation: the
/// tests and <c>ecosim check-model</c> call the same ones.
/// </summary>
public interface IStylizedFact
{
    /// <summary>Short stable name (letters, digits, dashes).</summary>
    string Id { get; }

    /// <summary>Measures the fact on <paramref name="history"/>.</summary>
    FactResult Check(ValidationHistory history);

    /// <summary>A plot of what <see cref="Check"/> measured, not yet saved.</summary>
    Plot Draw(ValidationHistory history);
}
