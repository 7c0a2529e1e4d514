using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Validation;

/// <summary>One plot per stylized fact, <c>plots/fact-ID.png</c> (and its SVG twin), of what its check measured.</summary>
internal static class ValidationPlots
{
    /// <summary>Draws every fact's plot into <paramref name="directory"/>; returns the PNG paths in the facts' order.</summary>
    public static IReadOnlyList<string> WriteFacts(ValidationHistory history, string directory, string caption)
    {
        Directory.CreateDirectory(directory);
        return [.. StylizedFacts.All.Select(f => PlotCanvas.Save(f.Draw(history), caption, directory, $"fact-{f.Id}.png"))];
    }
}
